//! Offline sync, as a property (issue 22): the store's sync against real
//! SQLite files. A team file with worker W (this process's login) and a few
//! of W's people, plus one person of another worker X; two laptop copies of
//! W's caseload; random offline work on each copy and on the team file; then
//! sync A, sync B, sync A. The three must agree on W's people, every note
//! must be on the team file exactly once, X's people and the erased must be
//! in no file they should not be in (read as raw bytes), a field changed on
//! both sides must leave a conflict, and a sync right after changes nothing.
//! A push applied twice (its answer lost) must change nothing the second time.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use caseload::clock::{Clock, ClockHand};
use caseload::domain::conversation::{ConversationKind, NewNote};
use caseload::domain::goal::GoalStatus;
use caseload::domain::measure::{Instrument, Scores};
use caseload::domain::person::{PersonDetails, validate_status_change};
use caseload::domain::sync::{Pull, Push, Summary};
use caseload::domain::worker::Role;
use caseload::store::Store;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use proptest::test_runner::{Config as Cases, TestRunner};
use tempfile::TempDir;

/// The other worker: only ever a handover target.
const X: &str = "xavier";

const PHONES: [&str; 3] = ["01632 960001", "01632 960002", "01632 960003"];
const EMAILS: [&str; 3] = ["one@example.org", "two@example.org", "three@example.org"];
const POSTCODES: [&str; 3] = ["LS1 1AA", "LS2 2BB", "LS3 3CC"];

fn today() -> NaiveDate {
    common::today()
}

/// Who does the offline work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    A,
    B,
    Team,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Phone,
    Email,
    Postcode,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Postcode => "postcode",
        }
    }

    fn value(self, i: u8) -> String {
        let pool = match self {
            Field::Phone => PHONES,
            Field::Email => EMAILS,
            Field::Postcode => POSTCODES,
        };
        // Never the value everyone starts with: an edit is a change.
        pool[1 + usize::from(i) % (pool.len() - 1)].to_string()
    }

    fn of(self, d: &PersonDetails) -> Option<String> {
        match self {
            Field::Phone => d.phone.clone(),
            Field::Email => d.email.clone(),
            Field::Postcode => d.postcode.clone(),
        }
    }

    fn set(self, d: &mut PersonDetails, v: String) {
        match self {
            Field::Phone => d.phone = Some(v),
            Field::Email => d.email = Some(v),
            Field::Postcode => d.postcode = Some(v),
        }
    }
}

/// One piece of offline work. Indices pick among what the side has (modulo).
#[derive(Debug, Clone)]
enum Op {
    AddPerson,
    AddNote(u8),
    AmendNote(u8, u8),
    Edit(u8, Field, u8),
    Status(u8, u8),
    AddGoal(u8),
    GoalText(u8, u8, u8),
    GoalStatus(u8, u8, u8),
    AddFollowUp(u8, u8),
    DoneFollowUp(u8, u8),
    MoveFollowUp(u8, u8, u8),
    AddMeasure(u8, u8),
    /// Team file only.
    Handover(u8),
    /// Team file only.
    Erase(u8),
}

fn any_field() -> impl Strategy<Value = Field> {
    prop_oneof![
        Just(Field::Phone),
        Just(Field::Email),
        Just(Field::Postcode)
    ]
}

fn any_op() -> impl Strategy<Value = Op> {
    // Mostly the first few people, so the sides often touch the same one.
    let i = || 0u8..3;
    prop_oneof![
        1 => Just(Op::AddPerson),
        3 => i().prop_map(Op::AddNote),
        1 => (i(), i()).prop_map(|(p, n)| Op::AmendNote(p, n)),
        6 => (i(), any_field(), i()).prop_map(|(p, f, v)| Op::Edit(p, f, v)),
        1 => (i(), i()).prop_map(|(p, s)| Op::Status(p, s)),
        1 => i().prop_map(Op::AddGoal),
        1 => (i(), i(), i()).prop_map(|(p, g, t)| Op::GoalText(p, g, t)),
        1 => (i(), i(), i()).prop_map(|(p, g, s)| Op::GoalStatus(p, g, s)),
        1 => (i(), i()).prop_map(|(p, d)| Op::AddFollowUp(p, d)),
        1 => (i(), i()).prop_map(|(p, f)| Op::DoneFollowUp(p, f)),
        1 => (i(), i(), i()).prop_map(|(p, f, d)| Op::MoveFollowUp(p, f, d)),
        1 => (i(), i()).prop_map(|(p, k)| Op::AddMeasure(p, k)),
    ]
}

/// Work on one side; handover and erasure only on the team file.
fn any_step() -> impl Strategy<Value = (Side, Op)> {
    let side = prop_oneof![Just(Side::A), Just(Side::B), Just(Side::Team)];
    prop_oneof![
        24 => (side, any_op()),
        1 => (0u8..3).prop_map(|p| (Side::Team, Op::Handover(p))),
        1 => (0u8..3).prop_map(|p| (Side::Team, Op::Erase(p))),
    ]
}

/// Up to `n` steps of work.
fn steps(n: usize) -> impl Strategy<Value = Vec<(Side, Op)>> {
    prop::collection::vec(any_step(), 0..=n)
}

/// The same field of the same person edited on two or three sides (the
/// case a conflict is for), as edits to mix in with the other work.
fn clash() -> impl Strategy<Value = Vec<(Side, Op)>> {
    let value = || prop::option::of(0u8..2);
    (0u8..3, any_field(), value(), value(), value()).prop_map(|(p, f, a, b, team)| {
        [(Side::A, a), (Side::B, b), (Side::Team, team)]
            .into_iter()
            .filter_map(|(side, v)| v.map(|v| (side, Op::Edit(p, f, v))))
            .collect()
    })
}

/// Up to `n` steps of work and a few clashing edits, in any order.
fn steps_with_clashes(n: usize) -> impl Strategy<Value = Vec<(Side, Op)>> {
    (prop::collection::vec(clash(), 0..=2), steps(n))
        .prop_map(|(clashes, mut steps)| {
            steps.extend(clashes.into_iter().flatten());
            steps
        })
        .prop_shuffle()
}

/// The files, their stores and the one clock they share (moved on by a
/// minute before every write, so "the later change" is the later step).
struct World {
    _dir: TempDir,
    team_path: PathBuf,
    a_path: PathBuf,
    b_path: PathBuf,
    team: Store,
    a: Store,
    b: Store,
    hand: ClockHand,
    start: NaiveDateTime,
    minute: i64,
    w: String,
    /// Counter for unique names, note bodies and goal texts.
    n: usize,
    /// Every note body written, with the family name of its person.
    notes: BTreeMap<String, String>,
    /// Family names of people erased on the team file.
    erased: BTreeSet<String>,
    /// Family names of X's people (from the start, or handed over).
    xs: BTreeSet<String>,
    /// The last value each side set for (family name, field).
    edits: BTreeMap<(String, Field), BTreeMap<Side, String>>,
    /// Each field's value at the clone, by (family name, field).
    bases: BTreeMap<(String, Field), Option<String>>,
}

fn family(n: usize) -> String {
    format!("Fam{n:03}Zq")
}

impl World {
    fn new() -> World {
        let dir = TempDir::new().unwrap();
        let start = common::now();
        let (clock, hand) = Clock::settable(start);
        let team_path = dir.path().join("team.db");
        let a_path = dir.path().join("a.db");
        let b_path = dir.path().join("b.db");
        let mut team = Store::open(&team_path, clock.clone()).unwrap();
        let w = team.actor().to_string();
        let a = Store::open(&a_path, clock.clone()).unwrap();
        let b = Store::open(&b_path, clock).unwrap();
        team.workers_mut()
            .add(&w, "Wendy Worker", Role::LinkWorker)
            .unwrap();
        team.workers_mut()
            .add(X, "Xavier Other", Role::LinkWorker)
            .unwrap();
        let mut world = World {
            _dir: dir,
            team_path,
            a_path,
            b_path,
            team,
            a,
            b,
            hand,
            start,
            minute: 0,
            w,
            n: 0,
            notes: BTreeMap::new(),
            erased: BTreeSet::new(),
            xs: BTreeSet::new(),
            edits: BTreeMap::new(),
            bases: BTreeMap::new(),
        };
        for _ in 0..3 {
            let id = world.add_person(Side::Team);
            world.add_note(Side::Team, id);
            world.tick();
            world
                .team
                .goals_mut()
                .add(id, "walk to the park", today())
                .unwrap();
            world.tick();
            world
                .team
                .follow_ups_mut()
                .add(Some(id), None, today() + Duration::days(7), None, "ring")
                .unwrap();
        }
        // X's person: never on W's laptops.
        let x = world.add_person(Side::Team);
        world.add_note(Side::Team, x);
        world.tick();
        world.team.workers_mut().assign(x, X, None).unwrap();
        let name = world.team.people().get(x).unwrap().details.family_name;
        world.xs.insert(name);
        world
    }

    fn tick(&mut self) {
        self.minute += 1;
        self.hand.set(self.start + Duration::minutes(self.minute));
    }

    fn store(&mut self, side: Side) -> &mut Store {
        match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
            Side::Team => &mut self.team,
        }
    }

    /// Clones both laptops and notes each field's value at the clone.
    fn clone_laptops(&mut self) {
        self.tick();
        let snapshot = self.team.copies().snapshot(&self.w).unwrap();
        self.a
            .copies_mut()
            .start(&snapshot, "team.db", &self.w)
            .unwrap();
        self.tick();
        let snapshot = self.team.copies().snapshot(&self.w).unwrap();
        self.b
            .copies_mut()
            .start(&snapshot, "team.db", &self.w)
            .unwrap();
        for p in self.team.people().list_of(None, Some(&self.w)).unwrap() {
            let person = self.team.people().get(p.id).unwrap();
            for f in [Field::Phone, Field::Email, Field::Postcode] {
                self.bases
                    .insert((p.family_name.clone(), f), f.of(&person.details));
            }
        }
    }

    /// The people `side` works with: W's on the team file, all on a laptop.
    fn people(&self, side: Side) -> Vec<(i64, String)> {
        let (store, who) = match side {
            Side::A => (&self.a, None),
            Side::B => (&self.b, None),
            Side::Team => (&self.team, Some(self.w.as_str())),
        };
        store
            .people()
            .list_of(None, who)
            .unwrap()
            .into_iter()
            .map(|p| (p.id, p.family_name))
            .collect()
    }

    fn pick(&self, side: Side, i: u8) -> Option<(i64, String)> {
        let people = self.people(side);
        (!people.is_empty()).then(|| people[usize::from(i) % people.len()].clone())
    }

    fn add_person(&mut self, side: Side) -> i64 {
        self.n += 1;
        let n = self.n;
        let details = PersonDetails {
            given_name: format!("Giv{n:03}Zq"),
            family_name: family(n),
            phone: Some(PHONES[0].into()),
            email: Some(EMAILS[0].into()),
            postcode: Some(POSTCODES[0].into()),
            referral_source: "pharmacy".into(),
            referred_on: Some(today()),
            ..Default::default()
        };
        self.tick();
        self.store(side).people_mut().add(&details).unwrap()
    }

    fn add_note(&mut self, side: Side, person: i64) {
        self.n += 1;
        let body = format!("note {:03} body", self.n);
        self.note(side, person, body, None);
    }

    fn note(&mut self, side: Side, person: i64, body: String, amends: Option<(i64, String)>) {
        let occurred_at = self.start + Duration::minutes(self.minute);
        self.tick();
        let store = self.store(side);
        let family_name = store.people().get(person).unwrap().details.family_name;
        store
            .notes_mut()
            .add(&NewNote {
                person_id: person,
                kind: ConversationKind::Phone,
                occurred_at,
                body: body.clone(),
                amends,
            })
            .unwrap();
        self.notes.insert(body, family_name);
    }

    fn run(&mut self, side: Side, op: &Op) {
        let today = today();
        match *op {
            Op::AddPerson => {
                self.add_person(side);
            }
            Op::AddNote(p) => {
                if let Some((id, _)) = self.pick(side, p) {
                    self.add_note(side, id);
                }
            }
            Op::AmendNote(p, k) => {
                let Some((id, _)) = self.pick(side, p) else {
                    return;
                };
                let notes = self.store(side).notes().list(id).unwrap();
                if notes.is_empty() {
                    return;
                }
                let target = notes[usize::from(k) % notes.len()].id;
                self.n += 1;
                let body = format!("amend {:03} body", self.n);
                self.note(side, id, body, Some((target, "misheard".into())));
            }
            Op::Edit(p, field, v) => {
                let Some((id, name)) = self.pick(side, p) else {
                    return;
                };
                let value = field.value(v);
                self.tick();
                let store = self.store(side);
                let person = store.people().get(id).unwrap();
                let mut details = person.details.clone();
                field.set(&mut details, value.clone());
                store
                    .people_mut()
                    .update(id, person.version, &details)
                    .unwrap();
                self.edits
                    .entry((name, field))
                    .or_default()
                    .insert(side, value);
            }
            Op::Status(p, k) => {
                let Some((id, _)) = self.pick(side, p) else {
                    return;
                };
                self.tick();
                let store = self.store(side);
                let person = store.people().get(id).unwrap();
                let next = person.status.next();
                let to = next[usize::from(k) % next.len()];
                let change = validate_status_change(person.status, to, "moved on", today).unwrap();
                store
                    .people_mut()
                    .set_status(id, person.version, &change)
                    .unwrap();
            }
            Op::AddGoal(p) => {
                if let Some((id, _)) = self.pick(side, p) {
                    self.n += 1;
                    let text = format!("goal {:03}", self.n);
                    self.tick();
                    self.store(side).goals_mut().add(id, &text, today).unwrap();
                }
            }
            Op::GoalText(p, g, t) => {
                let Some((id, _)) = self.pick(side, p) else {
                    return;
                };
                self.tick();
                let store = self.store(side);
                let goals = store.goals().list(id).unwrap();
                if let Some(goal) = goals.get(usize::from(g) % goals.len().max(1)) {
                    let text = format!("goal text {}", t % 3);
                    store.goals_mut().update_text(goal.id, &text).unwrap();
                }
            }
            Op::GoalStatus(p, g, s) => {
                let Some((id, _)) = self.pick(side, p) else {
                    return;
                };
                self.tick();
                let store = self.store(side);
                let goals = store.goals().list(id).unwrap();
                if let Some(goal) = goals.get(usize::from(g) % goals.len().max(1)) {
                    let status = GoalStatus::ALL[usize::from(s) % 3];
                    store
                        .goals_mut()
                        .set_status(goal.id, status, today)
                        .unwrap();
                }
            }
            Op::AddFollowUp(p, d) => {
                if let Some((id, _)) = self.pick(side, p) {
                    self.n += 1;
                    let text = format!("follow up {:03}", self.n);
                    self.tick();
                    let due = today + Duration::days(i64::from(d) + 1);
                    self.store(side)
                        .follow_ups_mut()
                        .add(Some(id), None, due, None, &text)
                        .unwrap();
                }
            }
            Op::DoneFollowUp(p, f) => {
                let Some((id, _)) = self.pick(side, p) else {
                    return;
                };
                self.tick();
                let store = self.store(side);
                let open: Vec<_> = store
                    .follow_ups()
                    .for_person(id)
                    .unwrap()
                    .into_iter()
                    .filter(|f| f.done_at.is_none())
                    .collect();
                if let Some(fu) = open.get(usize::from(f) % open.len().max(1)) {
                    store.follow_ups_mut().complete(fu.id).unwrap();
                }
            }
            Op::MoveFollowUp(p, f, d) => {
                let Some((id, _)) = self.pick(side, p) else {
                    return;
                };
                self.tick();
                let store = self.store(side);
                let all = store.follow_ups().for_person(id).unwrap();
                if let Some(fu) = all.get(usize::from(f) % all.len().max(1)) {
                    let due = fu.due_on + Duration::days(i64::from(d) + 1);
                    let time = fu
                        .due_time
                        .as_deref()
                        .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok());
                    store
                        .follow_ups_mut()
                        .update(fu.id, fu.version, due, time, &fu.text)
                        .unwrap();
                }
            }
            Op::AddMeasure(p, k) => {
                if let Some((id, _)) = self.pick(side, p) {
                    let instrument = Instrument::ALL[usize::from(k) % 3];
                    let (lo, hi) = instrument.range();
                    let items = (0..instrument.items().len())
                        .map(|i| lo + ((i as u8 + k) % (hi - lo + 1)))
                        .collect();
                    self.tick();
                    self.store(side)
                        .measures_mut()
                        .add(id, &Scores { instrument, items }, today)
                        .unwrap();
                }
            }
            Op::Handover(p) => {
                assert_eq!(side, Side::Team);
                if let Some((id, name)) = self.pick(side, p) {
                    self.tick();
                    self.team.workers_mut().assign(id, X, None).unwrap();
                    self.xs.insert(name);
                }
            }
            Op::Erase(p) => {
                assert_eq!(side, Side::Team);
                if let Some((id, name)) = self.pick(side, p) {
                    self.tick();
                    self.team.erase_person(id, "asked to be forgotten").unwrap();
                    self.erased.insert(name);
                }
            }
        }
    }

    /// Runs `steps`; without handovers when `known_bugs` (bug 1).
    fn run_all(&mut self, steps: &[(Side, Op)], known_bugs: bool) {
        for (side, op) in steps {
            if known_bugs && matches!(op, Op::Handover(_)) {
                continue;
            }
            self.run(*side, op);
        }
    }

    /// One full sync of a laptop with the team file, in process.
    fn sync(&mut self, side: Side) -> Summary {
        self.tick();
        let w = self.w.clone();
        let laptop = match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
            Side::Team => panic!("the team file does not sync with itself"),
        };
        let push = laptop.copies().local_changes().unwrap();
        let pull = self.team.copies_mut().merge_push(&w, &push).unwrap();
        laptop.copies_mut().finish(&push, &pull).unwrap()
    }
}

/// A person's records as the public reads give them, without any of the
/// file's own ids (a correction names the note it corrects by its body).
#[derive(Debug, Clone, PartialEq)]
struct PersonView {
    person: String,
    assigned: Option<String>,
    history: Vec<String>,
    notes: Vec<String>,
    goals: Vec<String>,
    follow_ups: Vec<String>,
    measures: Vec<String>,
}

fn view_of(store: &Store, id: i64) -> PersonView {
    let mut p = store.people().get(id).unwrap();
    p.id = 0;
    p.version = 0;
    let notes = store.notes().list(id).unwrap();
    let body_of = |nid: i64| notes.iter().find(|n| n.id == nid).map(|n| n.body.clone());
    let mut note_lines: Vec<String> = notes
        .iter()
        .map(|n| {
            format!(
                "{}|{:?}|{}|{:?}|{:?}|{:?}|{}",
                n.body,
                n.kind,
                n.occurred_at,
                n.author,
                n.amends.map(body_of),
                n.amend_reason,
                n.created_at
            )
        })
        .collect();
    note_lines.sort();
    let mut history: Vec<String> = store
        .people()
        .status_history(id)
        .unwrap()
        .iter()
        .map(|h| format!("{h:?}"))
        .collect();
    history.sort();
    let mut goals: Vec<String> = store
        .goals()
        .list(id)
        .unwrap()
        .iter()
        .map(|g| {
            format!(
                "{}|{:?}|{:?}|{:?}",
                g.text, g.status, g.created_on, g.ended_on
            )
        })
        .collect();
    goals.sort();
    let mut follow_ups: Vec<String> = store
        .follow_ups()
        .for_person(id)
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}",
                f.text, f.due_on, f.due_time, f.done_at, f.outcome, f.snoozed_until, f.owner
            )
        })
        .collect();
    follow_ups.sort();
    let mut measures: Vec<String> = store
        .measures()
        .list(id)
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{:?}|{:?}|{:?}|{:?}",
                m.instrument, m.taken_on, m.items, m.total
            )
        })
        .collect();
    measures.sort();
    PersonView {
        person: format!("{p:?}"),
        assigned: store.workers().assigned_to(id).unwrap(),
        history,
        notes: note_lines,
        goals,
        follow_ups,
        measures,
    }
}

/// Every person on `store` (only `worker`'s, if given), by family name; a
/// family name twice is a doubled person.
fn view(store: &Store, worker: Option<&str>) -> BTreeMap<String, PersonView> {
    let mut out = BTreeMap::new();
    for p in store.people().list_of(None, worker).unwrap() {
        let doubled = out.insert(p.family_name.clone(), view_of(store, p.id));
        assert!(doubled.is_none(), "{} is on file twice", p.family_name);
    }
    out
}

/// How many times each note body is on `store`, over everyone on it.
fn note_counts(store: &Store) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for p in store.people().list(None).unwrap() {
        for n in store.notes().list(p.id).unwrap() {
            *counts.entry(n.body).or_insert(0) += 1;
        }
    }
    counts
}

/// The bytes of a database and its write-ahead log.
fn file_bytes(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(more) = std::fs::read(PathBuf::from(wal)) {
        bytes.extend(more);
    }
    bytes
}

/// Whether `bytes` hold the given or the family name of the person whose
/// family name is `family` (both are made from the same number).
fn holds(bytes: &[u8], family: &str) -> bool {
    let given = family.replacen("Fam", "Giv", 1);
    [family, given.as_str()]
        .iter()
        .any(|name| bytes.windows(name.len()).any(|w| w == name.as_bytes()))
}

fn id_by_family(store: &Store, name: &str) -> Option<i64> {
    store
        .people()
        .list(None)
        .unwrap()
        .into_iter()
        .find(|p| p.family_name == name)
        .map(|p| p.id)
}

/// A field whose values on the two sides differ from the base and from each
/// other (both changed it, differently).
fn both_changed(base: &Option<String>, mine: &str, theirs: &Option<String>) -> bool {
    base.as_deref() != Some(mine)
        && theirs != base
        && theirs.as_deref() != Some(mine)
        && theirs.is_some()
}

fn conflicts_on(store: &Store, id: i64, field: &str) -> usize {
    store
        .copies()
        .conflicts(id)
        .unwrap()
        .iter()
        .filter(|c| c.table == "person" && c.field == field)
        .count()
}

/// The team file's value of `field` for everyone, by family name.
fn team_values(world: &World) -> BTreeMap<(String, Field), Option<String>> {
    let mut out = BTreeMap::new();
    for p in world.team.people().list(None).unwrap() {
        let person = world.team.people().get(p.id).unwrap();
        for f in [Field::Phone, Field::Email, Field::Postcode] {
            out.insert((p.family_name.clone(), f), f.of(&person.details));
        }
    }
    out
}

/// How many conflicts each (family name, field) should have after a
/// laptop's push: one when the laptop's last value and the team file's
/// value now both differ from the clone's and from each other.
fn expect_conflicts(
    world: &World,
    side: Side,
    team_now: &BTreeMap<(String, Field), Option<String>>,
    expected: &mut BTreeMap<(String, Field), usize>,
) {
    for (key, by_side) in &world.edits {
        let Some(mine) = by_side.get(&side) else {
            continue;
        };
        if world.erased.contains(&key.0) {
            continue;
        }
        let base = world.bases.get(key).cloned().flatten();
        let theirs = team_now.get(key).cloned().flatten();
        if both_changed(&base, mine, &theirs) {
            *expected.entry(key.clone()).or_insert(0) += 1;
        }
    }
}

/// `known_bugs`: leave out handovers (bug 1) and let the spurious deletions
/// after an erasure go before "a sync right after changes nothing" (bug 2).
/// A second round of offline work on all three, after the first syncs
/// (bases and cursors are then no longer the clone's), is in `again`.
fn two_copies_converge_case(steps: &[(Side, Op)], again: &[(Side, Op)], known_bugs: bool) {
    let mut world = World::new();
    world.clone_laptops();
    let x_person = world.xs.iter().next().cloned().unwrap();
    assert!(
        id_by_family(&world.a, &x_person).is_none(),
        "X's person is not on W's copy"
    );
    world.run_all(steps, known_bugs);

    let mut expected = BTreeMap::new();
    let before_a = team_values(&world);
    expect_conflicts(&world, Side::A, &before_a, &mut expected);
    world.sync(Side::A);
    let before_b = team_values(&world);
    expect_conflicts(&world, Side::B, &before_b, &mut expected);
    world.sync(Side::B);
    world.sync(Side::A);

    agree(&world);

    // A field changed on both sides to different values left a conflict,
    // one per laptop whose push met a different value; no other field of
    // these did.
    for (name, field) in world.edits.keys() {
        let Some(id) = id_by_family(&world.team, name) else {
            continue;
        };
        let n = expected.get(&(name.clone(), *field)).copied().unwrap_or(0);
        let found = conflicts_on(&world.team, id, field.name());
        assert_eq!(
            found,
            n,
            "{name}.{}: {n} conflict(s) expected, {found} found",
            field.name()
        );
    }

    settled(&mut world, known_bugs);

    // Round two: more work everywhere, then sync B, A, B.
    world.run_all(again, known_bugs);
    world.sync(Side::B);
    world.sync(Side::A);
    world.sync(Side::B);
    agree(&world);
    settled(&mut world, known_bugs);
}

/// The laptops agree with the team file on W's people; every note is where
/// it should be, once; X's people and the erased are where they should be,
/// down to the bytes of each file.
fn agree(world: &World) {
    let w = &world.w;
    let team_view = view(&world.team, Some(w));
    let a_view = view(&world.a, None);
    let b_view = view(&world.b, None);
    assert_eq!(
        a_view.keys().collect::<Vec<_>>(),
        team_view.keys().collect::<Vec<_>>(),
        "laptop A holds W's people, no one more or less"
    );
    assert_eq!(a_view, team_view, "laptop A and the team file agree");
    assert_eq!(b_view, team_view, "laptop B and the team file agree");

    // Every note written anywhere, not erased, is on the team file once.
    let counts = note_counts(&world.team);
    for (body, name) in &world.notes {
        let n = counts.get(body).copied().unwrap_or(0);
        if world.erased.contains(name) {
            assert_eq!(n, 0, "{body:?} of an erased person is gone");
        } else {
            assert_eq!(n, 1, "{body:?} ({name}) is on the team file once");
        }
    }
    for laptop in [&world.a, &world.b] {
        assert!(
            note_counts(laptop).values().all(|&n| n == 1),
            "no note doubled"
        );
    }

    // X's people stay on the team file, X's, and in no laptop.
    for name in &world.xs {
        if world.erased.contains(name) {
            continue;
        }
        let id = id_by_family(&world.team, name)
            .unwrap_or_else(|| panic!("{name}, handed to X, is still on the team file"));
        assert_eq!(
            world.team.workers().assigned_to(id).unwrap().as_deref(),
            Some(X)
        );
        // The byte search finds a name where it is (else it proves nothing).
        assert!(holds(&file_bytes(&world.team_path), name));
        for (laptop, path) in [(&world.a, &world.a_path), (&world.b, &world.b_path)] {
            assert!(id_by_family(laptop, name).is_none(), "{name} left the copy");
            assert!(
                !holds(&file_bytes(path), name),
                "{name}, X's, is in no byte of {}",
                path.display()
            );
        }
    }
    // The erased are in no byte of any file.
    for name in &world.erased {
        for path in [&world.team_path, &world.a_path, &world.b_path] {
            assert!(
                !holds(&file_bytes(path), name),
                "{name}, erased, is in no byte of {}",
                path.display()
            );
        }
    }
}

/// A sync of each laptop right after changes nothing, and they still agree.
fn settled(world: &mut World, known_bugs: bool) {
    let w = world.w.clone();
    // A sync right after changes nothing.
    for side in [Side::A, Side::B] {
        if known_bugs && !world.erased.is_empty() {
            // Bug 2: a laptop's next sync after someone left it pushes the
            // deletion of each of their rows. Let it, and check it harmed
            // nothing on the team file.
            let before = view(&world.team, None);
            world.sync(side);
            assert_eq!(view(&world.team, None), before);
        }
        let s = world.sync(side);
        assert_eq!(
            (s.pushed, s.pulled, s.conflicts, s.joined, s.left, s.dropped),
            (0, 0, 0, 0, 0, 0),
            "a second sync of {side:?} changes nothing: {s:?}"
        );
    }
    assert_eq!(view(&world.a, None), view(&world.team, Some(&w)));
    assert_eq!(view(&world.b, None), view(&world.team, Some(&w)));
}

/// `n` cases, or `PROPTEST_CASES` when set (for a longer hunt).
fn cases(n: u32) -> TestRunner {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    TestRunner::new(Cases {
        cases: n,
        failure_persistence: None,
        ..Cases::default()
    })
}

#[test]
fn two_copies_converge() {
    cases(24)
        .run(&(steps_with_clashes(14), steps(8)), |steps| {
            two_copies_converge_case(&steps.0, &steps.1, false);
            Ok(())
        })
        .unwrap();
}

#[test]
fn two_copies_converge_when_no_one_is_handed_over() {
    cases(24)
        .run(&(steps_with_clashes(14), steps(8)), |steps| {
            two_copies_converge_case(&steps.0, &steps.1, true);
            Ok(())
        })
        .unwrap();
}

fn repeated_push_case(steps: &[(Side, Op)]) {
    let mut world = World::new();
    world.clone_laptops();
    for (side, op) in steps {
        let side = if *side == Side::B { Side::A } else { *side };
        world.run(side, op);
    }
    world.tick();
    let w = world.w.clone();
    let push: Push = world.a.copies().local_changes().unwrap();
    let first: Pull = world.team.copies_mut().merge_push(&w, &push).unwrap();
    let conflicts_after_first = total_conflicts(&world.team);
    let notes_after_first = note_counts(&world.team);
    let team_after_first = view(&world.team, None);
    world.tick();
    let second = world.team.copies_mut().merge_push(&w, &push).unwrap();
    assert_eq!(second.applied, 0, "nothing is applied twice");
    assert!(second.conflicts.is_empty(), "no conflict the second time");
    assert_eq!(total_conflicts(&world.team), conflicts_after_first);
    assert_eq!(note_counts(&world.team), notes_after_first);
    assert!(
        notes_after_first.values().all(|&n| n == 1),
        "no note doubled"
    );
    assert_eq!(view(&world.team, None), team_after_first);
    world.tick();
    world.a.copies_mut().finish(&push, &second).unwrap();
    assert!(note_counts(&world.a).values().all(|&n| n == 1));
    assert_eq!(view(&world.a, None), view(&world.team, Some(&w)));
    assert_eq!(first.applied + first.dropped, push.changes.len());
}

fn total_conflicts(store: &Store) -> usize {
    store
        .people()
        .list(None)
        .unwrap()
        .iter()
        .map(|p| store.copies().conflicts(p.id).unwrap().len())
        .sum()
}

#[test]
fn repeated_push_changes_nothing() {
    cases(24)
        .run(&steps_with_clashes(12), |steps| {
            repeated_push_case(&steps);
            Ok(())
        })
        .unwrap();
}

/// Bug 1, the smallest case: W's person handed to X on the team file; the
/// laptop syncs (the person leaves it) and syncs again: that second sync
/// erases the person, with all their notes, from the team file.
#[test]
fn a_person_handed_over_stays_on_the_team_file_after_two_syncs() {
    let mut world = World::new();
    world.clone_laptops();
    let (id, name) = world.pick(Side::Team, 0).unwrap();
    world.tick();
    world.team.workers_mut().assign(id, X, None).unwrap();
    let first = world.sync(Side::A);
    assert_eq!(first.left, 1);
    let second = world.sync(Side::A);
    let still = id_by_family(&world.team, &name);
    assert!(
        still.is_some(),
        "{name}, handed to X, is still on the team file"
    );
    assert_eq!(world.team.notes().list(id).unwrap().len(), 1);
    assert_eq!(second.pushed, 0, "nothing was changed on the laptop");
}

/// Bug 2, the smallest case: a person erased on the team file; the laptop
/// syncs (the person leaves it) and syncs again: that second sync pushes the
/// deletion of each of their rows (person, status change, note, goal,
/// follow-up: `pushed: 5`), though nothing changed on the laptop.
#[test]
fn a_sync_after_an_erasure_pushes_nothing() {
    let mut world = World::new();
    world.clone_laptops();
    let (id, _) = world.pick(Side::Team, 0).unwrap();
    world.tick();
    world
        .team
        .erase_person(id, "asked to be forgotten")
        .unwrap();
    let first = world.sync(Side::A);
    assert_eq!(first.left, 1);
    let waiting = world.a.copies().origin().unwrap().unwrap().waiting;
    assert_eq!(waiting, 0, "nothing changed on the laptop is waiting to go");
    let second = world.sync(Side::A);
    assert_eq!((second.pushed, second.pulled), (0, 0));
}
