//! A pane is one `Component`: this test defines a small one here, hands it to
//! the app as `panes::registry` would, and checks that the app treats it like
//! the core panes: a tab, its own key (in help, footer and `Tab` order), its
//! data loaded after the first frame and reloaded when its table changes.

use crate::common;

use caseload::domain::person::PersonInput;
use caseload::store::{Changed, Store, StoreError, Topic};
use caseload::tui::App;
use caseload::tui::action::Outcome;
use caseload::tui::component::{Component, Session};
use caseload::tui::keymap::{Binding, Command, Context, Keymap, binding};
use caseload::tui::panes::{self, Ctx};
use caseload::tui::theme::Theme;
use common::app::{open_store, screen, temp_store};
use common::keys::press;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

const TALLY: Context = Context::Pane("tally");
const CHAIN: &[Context] = &[Context::Always, TALLY, Context::List, Context::Global];
const BINDINGS: &[Binding] = &[binding(
    TALLY,
    Command::Named("wave"),
    "wave",
    &["w"],
    "wave at the caseload",
    "wave",
)];

/// People on record, and how often it was waved at.
#[derive(Default)]
struct Tally {
    people: usize,
    waves: usize,
}

impl Component for Tally {
    fn title(&self) -> &'static str {
        "Tally"
    }
    fn contexts(&self) -> &'static [Context] {
        CHAIN
    }
    fn handle(&mut self, cmd: Command, _ctx: &Ctx) -> Outcome {
        match cmd {
            Command::Named("wave") => {
                self.waves += 1;
                Outcome::Done
            }
            _ => Outcome::Ignored,
        }
    }
    fn render(&mut self, frame: &mut Frame, area: Rect, _ctx: &Ctx) {
        let text = format!("{} people, {} waves", self.people, self.waves);
        frame.render_widget(Paragraph::new(text), area);
    }
    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }
    fn topics(&self) -> &'static [Topic] {
        &[Topic::People]
    }
    fn load(&mut self, store: &Store, _: &Session, _: &Changed) -> Result<(), StoreError> {
        self.people = store.people().list(None)?.len();
        Ok(())
    }
}

fn person(store: &mut Store, given: &str) {
    let p = PersonInput {
        given_name: given.into(),
        family_name: "Test".into(),
        ..Default::default()
    };
    store
        .people_mut()
        .add(&p.validate(common::today()).unwrap())
        .unwrap();
}

#[test]
fn a_registered_pane_gets_a_tab_its_keys_and_its_data() {
    let (dir, mut store) = temp_store("tally.db");
    let path = dir.path().join("tally.db");
    person(&mut store, "Ann");
    // One line, as in `panes::registry`: the pane and nothing else.
    let more: Vec<Box<dyn Component>> = vec![Box::new(Tally::default())];
    let keymap = panes::keymap_for(&Default::default(), &more).unwrap();
    let mut app = App::with_panes(store, Theme::plain(), keymap, more).unwrap();
    assert!(screen(&mut app, 80, 24).contains("5 Tally"), "a fifth tab");
    // Its number key comes with it, and help counts it.
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.contexts(), CHAIN, "5 opens the new pane");
    press(&mut app, KeyCode::Char('?'));
    assert!(screen(&mut app, 80, 24).contains("go to pane 1-5"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('6'));
    assert_eq!(app.contexts(), CHAIN, "6 has no tab: nothing happens");
    app.tick(); // right after the first frame: deferred loads, ours included
    // Tab from the follow-ups reaches it; its key acts; help and footer know it.
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.contexts(), CHAIN);
    press(&mut app, KeyCode::Char('w'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("1 people, 1 waves"), "{s}");
    assert!(s.contains("w wave"), "footer: {s}");
    press(&mut app, KeyCode::Char('?'));
    assert!(screen(&mut app, 80, 24).contains("wave at the caseload"));
    press(&mut app, KeyCode::Esc);
    // Another window adds a person: the pane reloads on the next key.
    let mut other = open_store(&path);
    person(&mut other, "Bea");
    press(&mut app, KeyCode::Char('w'));
    assert!(screen(&mut app, 80, 24).contains("2 people, 2 waves"));
    // And Tab goes round to the caseload.
    press(&mut app, KeyCode::Tab);
    assert!(screen(&mut app, 80, 24).contains("Ann Test"));
}

#[test]
fn a_registered_pane_cannot_shadow_a_global_key() {
    const BAD: &[Binding] = &[binding(
        TALLY,
        Command::Named("wave"),
        "wave",
        &["q"],
        "wave",
        "",
    )];
    let e = Keymap::with_bindings(&Default::default(), &[BAD]).unwrap_err();
    assert!(e.message.contains("global.quit"), "{}", e.message);
}
