//! Demo data: the hand-written fictional caseload in `demo-db/demo.sql`, plus a
//! deterministic generator that scales it up for benchmarks.

use chrono::{Duration, NaiveDate};

use crate::person::Status;

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const GIVEN: &[&str] = &[
    "Amara", "Ben", "Chloe", "Dev", "Ewa", "Farah", "George", "Hannah", "Imran", "Jade", "Kwame",
    "Lily", "Mohammed", "Niamh", "Olu", "Priya", "Rhys", "Sana", "Tom", "Una", "Viktor", "Wendy",
    "Yusuf", "Zoë", "Łukasz", "Siobhán", "José", "Mei", "Aoife", "Dariusz", "Grace", "Harold",
    "Irene", "Joan", "Kieran", "Margaret", "Nasra", "Patrick", "Rosa", "Stanley",
];
const FAMILY: &[&str] = &[
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones",
    "Khan", "Lewis", "Mensah", "Nowak", "O'Brien", "Patel", "Quinn", "Roberts", "Smith", "Taylor",
    "Usman", "Walsh", "Wright", "Young", "Müller", "Kowalski", "陈", "王", "Nguyen", "Okafor",
];
const SOURCES: &[&str] = &[
    "GP practice",
    "practice staff",
    "pharmacy",
    "hospital",
    "local authority",
    "housing",
    "police",
    "fire service",
    "job centre",
    "VCSE",
    "self-referral",
    "other",
];
const REASONS: &[&str] = &[
    "Isolated since bereavement, low mood",
    "Rent arrears and a benefit sanction",
    "Carer for partner with dementia, exhausted",
    "Lonely after moving to the area",
    "Long-term back pain, out of work",
    "Debt worries affecting sleep",
    "Wants to get more active after heart surgery",
    "Housing disrepair, damp flat",
    "Recently retired, lost routine",
    "Anxiety, struggling to leave the house",
];
const NOTE_OPENINGS: &[&str] = &[
    "Phoned to check in.",
    "Met at the practice.",
    "Home visit.",
    "Went with them to the group.",
    "Follow-up call as agreed.",
];
const NOTE_MIDDLES: &[&str] = &[
    "Says the walking group has helped and they want to keep going.",
    "Finding things hard this week; we agreed to slow down and try again later.",
    "Money advice appointment booked; bringing letters along.",
    "Decided the art class was not for them. Talked about other options.",
    "Sleeping better. Neighbour has been popping round.",
    "Did not feel up to going to the lunch club. No pressure; will ask again next week.",
    "Housing repair reported; landlord has replied.",
];
const SERVICE_KINDS: &[(&str, &str)] = &[
    ("Food Pantry", "food"),
    ("Community Fridge", "food"),
    ("Money and Debt Advice", "money and debt advice,benefits"),
    ("Benefits Advice Drop-in", "benefits,money and debt advice"),
    ("Housing Support", "housing"),
    ("Befriending Scheme", "befriending"),
    ("Walking Group", "walking,sport"),
    ("Chair Exercise", "sport"),
    ("Art Club", "arts"),
    ("Community Choir", "arts"),
    ("Carers Café", "carers"),
    ("Job Club", "employment"),
    ("Digital Skills Drop-in", "digital skills"),
    ("Peer Support Group", "mental health peer support"),
    ("Men's Shed", "befriending,men's sheds"),
    ("Community Garden", "gardening"),
];
const AREAS: &[&str] = &[
    "Northside",
    "Riverside",
    "Old Town",
    "East Hill",
    "Citywide",
];

pub struct GenPerson {
    pub given_name: String,
    pub family_name: String,
    pub referral_source: &'static str,
    pub referral_reason: &'static str,
    pub referred_on: NaiveDate,
    pub status: Status,
    pub status_reason: Option<&'static str>,
    pub conversations: Vec<(NaiveDate, &'static str, String)>,
    pub goals: Vec<(&'static str, &'static str)>,
    pub follow_ups: Vec<(NaiveDate, &'static str)>,
    pub connections: Vec<(u64, &'static str)>,
}

pub struct GenService {
    pub uid: String,
    pub name: String,
    pub organisation: String,
    pub categories: &'static str,
    pub area: &'static str,
    pub description: String,
    pub last_verified_on: NaiveDate,
}

/// `n` generated people (about ten notes each) for a database with `services` services.
pub fn people(rng: &mut Rng, n: usize, services: u64, today: NaiveDate) -> Vec<GenPerson> {
    (0..n).map(|_| person(rng, services, today)).collect()
}

fn person(rng: &mut Rng, services: u64, today: NaiveDate) -> GenPerson {
    let referred_on = today - Duration::days(rng.below(720) as i64);
    let status = match rng.below(20) {
        0..=3 => Status::Referred,
        4..=13 => Status::Active,
        14..=15 => Status::Paused,
        16..=18 => Status::Closed,
        _ => Status::Declined,
    };
    let status_reason = match status {
        Status::Closed => Some("Goals met; knows how to get back in touch"),
        Status::Declined => Some("Did not want support at this time"),
        Status::Paused => Some("In hospital; will pick up again after discharge"),
        _ => None,
    };
    let span = (today - referred_on).num_days().max(1) as u64;
    let note_count = if status == Status::Referred {
        0
    } else {
        rng.below(25) as usize
    };
    let conversations = (0..note_count)
        .map(|_| {
            let on = referred_on + Duration::days(rng.below(span) as i64);
            let kind = *rng.pick(&["what_matters", "follow_up", "phone", "visit", "accompanied"]);
            let body = format!("{}\n{}", rng.pick(NOTE_OPENINGS), rng.pick(NOTE_MIDDLES));
            (on, kind, body)
        })
        .collect();
    let goals = (0..rng.below(3))
        .map(|_| {
            let text = *rng.pick(&[
                "Get out of the house twice a week",
                "Sort out the council tax arrears",
                "Join a group to meet people",
                "Sleep through the night more often",
            ]);
            (text, *rng.pick(&["open", "open", "achieved", "dropped"]))
        })
        .collect();
    let follow_ups = if status.is_open() {
        (0..rng.below(3))
            .map(|_| {
                let due = today + Duration::days(rng.below(60) as i64 - 20);
                (
                    due,
                    *rng.pick(&["Call to see how it went", "Check the referral was received"]),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let connections = (0..rng.below(3))
        .map(|_| {
            let status = *rng.pick(&[
                "suggested",
                "referred",
                "attended",
                "declined",
                "did_not_attend",
                "ended",
            ]);
            (rng.below(services), status)
        })
        .collect();
    let source = *rng.pick(SOURCES);
    let reason = *rng.pick(REASONS);
    GenPerson {
        given_name: rng.pick(GIVEN).to_string(),
        family_name: rng.pick(FAMILY).to_string(),
        referral_source: source,
        referral_reason: reason,
        referred_on,
        status,
        status_reason,
        conversations,
        goals,
        follow_ups,
        connections,
    }
}

/// `n` generated services, numbered from `start` so uids never clash.
pub fn services(rng: &mut Rng, start: usize, n: usize, today: NaiveDate) -> Vec<GenService> {
    (start..start + n)
        .map(|i| {
            let (kind, categories) = *rng.pick(SERVICE_KINDS);
            let area = *rng.pick(AREAS);
            GenService {
                uid: format!("gen-svc-{i:06}"),
                name: format!("{area} {kind} {i}"),
                organisation: format!("{area} Community Trust"),
                categories,
                area,
                description: format!(
                    "A friendly {} in {area}. Everyone welcome.",
                    kind.to_lowercase()
                ),
                last_verified_on: today - Duration::days(rng.below(600) as i64),
            }
        })
        .collect()
}
