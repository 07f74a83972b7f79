//! Pane 5: the report (`caseload report`'s figures) for a month, this month
//! to date at first. `[` and `]` step a month back and on; a bar chart of
//! referrals by source, a sparkline of referrals per week, the other figures
//! beside them; `x` writes the period's CSV (0600) into the folder the app was
//! started in. Computed when first shown, and again when shown after a write.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Paragraph, Sparkline};

use super::{Ctx, fit, pad};
use crate::domain::date::iso;
use crate::domain::report::{DEFAULT_FIRST_CONTACT_DAYS, Period, Report};
use crate::store::{Changed, Store, StoreError, Topic};
use crate::tui::action::{Action, Outcome};
use crate::tui::component::{Component, Session, Settings};
use crate::tui::keymap::{Binding, Command, Context, binding};

const REPORT: Context = Context::Pane("report");
const CHAIN: &[Context] = &[Context::Always, REPORT, Context::Global];
const BINDINGS: &[Binding] = &[
    binding(
        REPORT,
        Command::Named("previous_month"),
        "previous_month",
        &["["],
        "the month before",
        "month",
    ),
    binding(
        REPORT,
        Command::Named("next_month"),
        "next_month",
        &["]"],
        "the month after (up to this one)",
        "",
    ),
    binding(
        REPORT,
        Command::Named("write_csv"),
        "write_csv",
        &["x"],
        "write this period's CSV (figure,breakdown,value) here, readable by you only",
        "CSV",
    ),
];

/// Everything a figure reads: a write to any of it makes the report stale.
const TOPICS: &[Topic] = &[
    Topic::People,
    Topic::StatusChanges,
    Topic::Conversations,
    Topic::Goals,
    Topic::Measures,
    Topic::Services,
    Topic::Connections,
    Topic::ConnectionHistory,
    Topic::ReferralSources,
];

pub struct ReportPane {
    /// Chosen with `[`/`]`; this month to date until then.
    period: Option<Period>,
    report: Option<Report>,
    weeks: Vec<u64>,
    /// Where `x` writes.
    out_dir: PathBuf,
    first_contact_days: u32,
}

impl ReportPane {
    /// `x` writes into `out_dir`.
    pub fn new(out_dir: PathBuf) -> ReportPane {
        ReportPane {
            period: None,
            report: None,
            weeks: Vec::new(),
            out_dir,
            first_contact_days: DEFAULT_FIRST_CONTACT_DAYS,
        }
    }

    fn step(&mut self, today: NaiveDate, back: bool) -> Outcome {
        let now = self.period.unwrap_or_else(|| Period::month_to_date(today));
        let next = if back {
            now.previous_month(today)
        } else {
            now.next_month(today)
        };
        if next == now {
            return Outcome::Act(Action::Notice(
                crate::tui::strings::report::CURRENT_MONTH.into(),
            ));
        }
        self.period = Some(next);
        Outcome::Act(Action::LoadPane)
    }

    fn write_csv(&self) -> Outcome {
        let Some(r) = &self.report else {
            return Outcome::Done;
        };
        let name = format!(
            "caseload-report-{}-to-{}.csv",
            iso(r.period.from),
            iso(r.period.to)
        );
        let path = self.out_dir.join(&name);
        let mut bytes = Vec::new();
        let written = crate::io::report::write_csv(r, &mut bytes, |c| c.to_string())
            .map_err(crate::adapters::file::WriteError::Io)
            .and_then(|()| crate::adapters::file::write_private(&path, &bytes, true));
        let message = match written {
            Ok(()) => crate::tui::strings::report::wrote(&name),
            Err(crate::adapters::file::WriteError::Io(e)) => {
                crate::tui::strings::report::cannot_write(&name, &e)
            }
            Err(crate::adapters::file::WriteError::Exists) => {
                crate::tui::strings::report::exists(&name)
            }
        };
        Outcome::Act(Action::Notice(message))
    }
}

impl Component for ReportPane {
    fn title(&self) -> &'static str {
        "Report"
    }

    fn contexts(&self) -> &'static [Context] {
        CHAIN
    }

    fn configure(&mut self, settings: &Settings) {
        self.first_contact_days = settings.rules.first_contact_days;
    }

    fn handle(&mut self, cmd: Command, ctx: &Ctx) -> Outcome {
        match cmd {
            Command::Named("previous_month") => self.step(ctx.today, true),
            Command::Named("next_month") => self.step(ctx.today, false),
            Command::Named("write_csv") => self.write_csv(),
            _ => Outcome::Ignored,
        }
    }

    fn bindings(&self) -> &'static [Binding] {
        BINDINGS
    }

    fn topics(&self) -> &'static [Topic] {
        TOPICS
    }

    fn load(
        &mut self,
        store: &Store,
        session: &Session,
        _changed: &Changed,
    ) -> Result<(), StoreError> {
        let today = session.today;
        // This month to date follows the calendar (past midnight, into a new month).
        let current = self.period.is_none_or(is_month_to_date);
        if current {
            self.period = Some(Period::month_to_date(today));
        }
        let period = *self
            .period
            .get_or_insert_with(|| Period::month_to_date(today));
        self.report = Some(store.report(&period, self.first_contact_days)?);
        self.weeks = store.referrals_per_week(&period)?;
        Ok(())
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let Some(r) = &self.report else {
            frame.render_widget(Paragraph::new(crate::tui::strings::report::WORKING), area);
            return;
        };
        let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("Report {}", r.period.label()), ctx.theme.title()),
                Span::styled("  [ ] month  x CSV", ctx.theme.dim()),
            ])),
            top,
        );
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        self.draw_charts(frame, left, r, ctx);
        draw_figures(frame, right, r, ctx);
    }
}

impl ReportPane {
    fn draw_charts(&self, frame: &mut Frame, area: Rect, r: &Report, ctx: &Ctx) {
        let sources: Vec<&(String, i64)> = r
            .referrals_by_source
            .0
            .iter()
            .filter(|(_, n)| *n > 0)
            .collect();
        let spark_h = 4u16.min(area.height);
        let bars_h = (sources.len() as u16 + 2)
            .max(3)
            .min(area.height.saturating_sub(spark_h));
        let [bars_area, spark_area, _] = Layout::vertical([
            Constraint::Length(bars_h),
            Constraint::Length(spark_h),
            Constraint::Min(0),
        ])
        .areas(area);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            crate::tui::strings::report::BY_SOURCE,
            ctx.theme.title(),
        ));
        if sources.is_empty() {
            frame.render_widget(
                Paragraph::new(crate::tui::strings::report::NO_REFERRALS).block(block),
                bars_area,
            );
        } else {
            let label_w = (bars_area.width / 2).clamp(4, 16) as usize;
            let bars: Vec<Bar> = sources
                .iter()
                .map(|(name, n)| {
                    Bar::default()
                        .value(u64::try_from(*n).unwrap_or(0))
                        .label(Line::from(fit(name, label_w)))
                })
                .collect();
            let chart = BarChart::horizontal(bars)
                .block(block)
                .bar_width(1)
                .bar_gap(0)
                .bar_style(ctx.theme.key());
            frame.render_widget(chart, bars_area);
        }
        let total: u64 = self.weeks.iter().sum();
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            crate::tui::strings::report::per_week(total),
            ctx.theme.title(),
        ));
        frame.render_widget(
            Sparkline::default()
                .block(block)
                .data(&self.weeks)
                .style(ctx.theme.key()),
            spark_area,
        );
    }
}

/// A period that ends before its month does: the month to date it was shown as.
fn is_month_to_date(p: Period) -> bool {
    p.to.succ_opt()
        .is_some_and(|next| next.month() == p.to.month())
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |v| v.to_string())
}

fn draw_figures(frame: &mut Frame, area: Rect, r: &Report, ctx: &Ctx) {
    let d = &r.days_to_first_contact;
    let c = &r.connections_by_status;
    let mut rows: Vec<(String, String)> = vec![
        ("Referrals".into(), r.referrals.to_string()),
        ("First contacts".into(), r.first_contacts.to_string()),
        (
            " days: median, p90".into(),
            format!("{}, {}", num(d.median), num(d.p90)),
        ),
        (
            format!(" within {} days", d.within_days),
            d.within_pct.map_or_else(|| "-".into(), |p| format!("{p}%")),
        ),
        ("Declined".into(), r.declined.to_string()),
        ("Closed".into(), r.closed.to_string()),
        ("Open at the end".into(), r.open_at_end.to_string()),
        ("People seen".into(), r.people_seen.to_string()),
        ("Contacts".into(), r.contacts.to_string()),
        (
            "Referred, attended".into(),
            format!("{}, {}", c.get("referred"), c.get("attended")),
        ),
        ("Did not attend".into(), c.get("did_not_attend").to_string()),
        (
            "Goals: set, achieved".into(),
            format!("{}, {}", r.goals.set, r.goals.achieved),
        ),
    ];
    for m in r.measures.iter().filter(|m| m.people > 0) {
        rows.push((
            format!("{} {}", m.instrument.as_str(), m.item),
            format!(
                "{:+} ({}), {}%",
                m.mean_change.unwrap_or(0.0),
                m.people,
                num(m.improved_pct)
            ),
        ));
    }
    let inner_w = area.width.saturating_sub(2) as usize;
    let value_w = 17.min(inner_w);
    let label_w = inner_w.saturating_sub(value_w + 1);
    let lines: Vec<Line> = rows
        .iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::raw(pad(label, label_w)),
                Span::raw(" "),
                Span::styled(fit(value, value_w), ctx.theme.key()),
            ])
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled("Figures", ctx.theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_step_and_stop_at_this_one() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut pane = ReportPane::new(PathBuf::from("."));
        assert_eq!(
            pane.step(today, false),
            Outcome::Act(Action::Notice(
                crate::tui::strings::report::CURRENT_MONTH.into()
            ))
        );
        assert_eq!(pane.step(today, true), Outcome::Act(Action::LoadPane));
        assert_eq!(
            pane.period.map(|p| p.from.to_string()).as_deref(),
            Some("2026-10-01")
        );
        assert_eq!(pane.step(today, false), Outcome::Act(Action::LoadPane));
        assert_eq!(pane.period, Some(Period::month_to_date(today)));
    }
}
