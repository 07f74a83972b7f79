//! Pane 2's goal and wellbeing forms, opened and saved by the pane itself
//! (`Component::apply` and `submit`). The note editor is the app's: it
//! autosaves drafts on a timer the event loop owns.

use super::WhatMattersPane;
use crate::domain::date::{iso, parse_day};
use crate::domain::goal::{GoalStatus, validate_text};
use crate::domain::measure::{Instrument, Scores};
use crate::store::Store;
use crate::tui::action::{Action, NoteAction};
use crate::tui::component::{Effects, Session, Submitted};
use crate::tui::form::{Field, FieldKey, Form};
use crate::tui::modal::{Modal, Purpose};
use crate::tui::strings::what_matters as words;

impl WhatMattersPane {
    fn name(&self) -> String {
        self.person
            .as_ref()
            .map(|p| p.display_name())
            .unwrap_or_default()
    }

    /// The form for a goal (new, edited, its status) or a measure.
    pub(super) fn open_form(&self, action: &Action, s: &Session) -> Option<Effects> {
        let Action::Notes(note_action) = action else {
            return None;
        };
        let modal = match *note_action {
            NoteAction::AddGoal(person_id) => Modal::form(
                Form::new(words::new_goal(&self.name()), vec![goal_field("")]),
                Purpose::Goal {
                    person_id,
                    goal_id: None,
                },
            ),
            NoteAction::EditGoal(goal_id) => {
                let Some(goal) = self.selected_goal().filter(|g| g.id == goal_id) else {
                    return Some(Effects::default());
                };
                Modal::form(
                    Form::new(words::EDIT_GOAL, vec![goal_field(&goal.text)]),
                    Purpose::Goal {
                        person_id: goal.person_id,
                        goal_id: Some(goal_id),
                    },
                )
            }
            NoteAction::GoalStatus(goal_id) => {
                let options = ["achieved", "dropped", "open"].map(String::from).to_vec();
                let form = Form::new(
                    "Goal status",
                    vec![
                        Field::choice(FieldKey::Status, "Status", options),
                        Field::text(FieldKey::On, "Date", crate::tui::strings::form::DATE_HINT)
                            .with_value(iso(s.today)),
                    ],
                );
                Modal::form(form, Purpose::GoalStatus { goal_id })
            }
            NoteAction::AddMeasure(person_id) => {
                let instruments = Instrument::ALL
                    .iter()
                    .map(|i| i.as_str().to_string())
                    .collect();
                let mut form = Form::new(
                    words::measure(&self.name()),
                    vec![
                        Field::choice(FieldKey::Instrument, "Instrument", instruments),
                        Field::text(FieldKey::Scores, "Scores", Instrument::Ons4.hint()),
                        Field::text(
                            FieldKey::TakenOn,
                            "Date",
                            crate::tui::strings::form::DATE_HINT,
                        )
                        .with_value(iso(s.today)),
                    ],
                );
                measure_hint(&mut form);
                Modal::form(form, Purpose::Measure { person_id })
            }
            _ => return None,
        };
        Some(Effects::open(modal))
    }

    /// Saves a goal or measure form; a problem keeps it open, beside the field.
    pub(super) fn save(
        &self,
        form: &mut Form,
        purpose: &Purpose,
        store: &mut Store,
        s: &Session,
    ) -> Option<Submitted> {
        let (saved, said) = match *purpose {
            Purpose::Goal { person_id, goal_id } => {
                let saved = validate_text(form.value(FieldKey::Text))
                    .map_err(|e| (FieldKey::Text, e))
                    .and_then(|text| {
                        match goal_id {
                            Some(id) => store.goals_mut().update_text(id, &text),
                            None => store.goals_mut().add(person_id, &text, s.today).map(|_| ()),
                        }
                        .map_err(|e| (FieldKey::Text, e.to_string()))
                    });
                (saved, words::GOAL_SAVED)
            }
            Purpose::GoalStatus { goal_id } => {
                let status =
                    GoalStatus::parse(form.value(FieldKey::Status)).unwrap_or(GoalStatus::Open);
                let saved = past_date(form.value(FieldKey::On), s)
                    .map_err(|e| (FieldKey::On, e))
                    .and_then(|on| {
                        store
                            .goals_mut()
                            .set_status(goal_id, status, on)
                            .map_err(|e| (FieldKey::On, e.to_string()))
                    });
                (saved, words::GOAL_UPDATED)
            }
            Purpose::Measure { person_id } => {
                let instrument =
                    Instrument::parse(form.value(FieldKey::Instrument)).unwrap_or(Instrument::Ons4);
                let saved = Scores::parse(instrument, form.value(FieldKey::Scores))
                    .map_err(|e| (FieldKey::Scores, e))
                    .and_then(|scores| {
                        let on = past_date(form.value(FieldKey::TakenOn), s)
                            .map_err(|e| (FieldKey::TakenOn, e))?;
                        store
                            .measures_mut()
                            .add(person_id, &scores, on)
                            .map(|_| ())
                            .map_err(|e| (FieldKey::Scores, e.to_string()))
                    });
                (saved, words::MEASURE_SAVED)
            }
            _ => return None,
        };
        Some(match saved {
            Ok(()) => Submitted::Saved(Box::new(Effects::say(said))),
            Err((field, message)) => {
                form.set_error(field, message);
                Submitted::KeepOpen
            }
        })
    }
}

/// A date typed in a form that may not lie in the future.
fn past_date(text: &str, s: &Session) -> Result<chrono::NaiveDate, String> {
    let d = parse_day(text, s.today)?;
    if d > s.today {
        return Err(crate::tui::strings::form::NOT_IN_FUTURE.into());
    }
    Ok(d)
}

/// The scores hint follows the instrument chosen.
pub fn measure_hint(form: &mut Form) {
    let instrument =
        Instrument::parse(form.value(FieldKey::Instrument)).unwrap_or(Instrument::Ons4);
    let Some(f) = form.fields.iter_mut().find(|f| f.key == FieldKey::Scores) else {
        return;
    };
    f.hint = instrument.hint().into();
    // Above the fields, the question of the item being scored, as the worker
    // asks it: always two lines, so the box does not jump as scores go in.
    let mut intro = crate::domain::text::wrap(&instrument.prompt(&f.value), 72, 2);
    intro.resize(2, String::new());
    form.intro = intro;
}

fn goal_field(text: &str) -> Field {
    Field::text(FieldKey::Text, "Goal", words::GOAL_HINT).with_value(text)
}
