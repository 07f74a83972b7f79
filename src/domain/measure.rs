//! Wellbeing measures: ONS4, UCLA 3-item loneliness and SWEMWBS.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Instrument {
    #[serde(rename = "ONS4")]
    Ons4,
    #[serde(rename = "UCLA3")]
    Ucla3,
    #[serde(rename = "SWEMWBS")]
    Swemwbs,
}

impl Instrument {
    pub const ALL: [Instrument; 3] = [Instrument::Ons4, Instrument::Ucla3, Instrument::Swemwbs];

    pub fn as_str(self) -> &'static str {
        match self {
            Instrument::Ons4 => "ONS4",
            Instrument::Ucla3 => "UCLA3",
            Instrument::Swemwbs => "SWEMWBS",
        }
    }

    pub fn parse(s: &str) -> Option<Instrument> {
        Self::ALL
            .into_iter()
            .find(|i| i.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// Item names in the order they are asked.
    pub fn items(self) -> &'static [&'static str] {
        match self {
            Instrument::Ons4 => &["satisfaction", "worthwhile", "happiness", "anxiety"],
            Instrument::Ucla3 => &["lack companionship", "left out", "isolated"],
            Instrument::Swemwbs => &[
                "optimistic",
                "useful",
                "relaxed",
                "dealing with problems",
                "thinking clearly",
                "close to others",
                "able to decide",
            ],
        }
    }

    /// Each item's question as it is asked, in order, with what the ends
    /// of its scale mean. (ONS: the four personal well-being questions;
    /// UCLA: Hughes et al. 2004; SWEMWBS: © NHS Health Scotland, University
    /// of Warwick and University of Edinburgh, free to use once registered.)
    pub fn questions(self) -> &'static [&'static str] {
        match self {
            Instrument::Ons4 => &[
                "Overall, how satisfied are you with your life nowadays? (0 not at all, 10 completely)",
                "Overall, to what extent do you feel the things you do in your life are worthwhile? (0 not at all, 10 completely)",
                "Overall, how happy did you feel yesterday? (0 not at all, 10 completely)",
                "Overall, how anxious did you feel yesterday? (0 not at all, 10 completely)",
            ],
            Instrument::Ucla3 => &[
                "How often do you feel that you lack companionship? (1 hardly ever, 2 some of the time, 3 often)",
                "How often do you feel left out? (1 hardly ever, 2 some of the time, 3 often)",
                "How often do you feel isolated from others? (1 hardly ever, 2 some of the time, 3 often)",
            ],
            Instrument::Swemwbs => &[
                "I've been feeling optimistic about the future (1 none of the time ... 5 all of the time)",
                "I've been feeling useful (1 none of the time ... 5 all of the time)",
                "I've been feeling relaxed (1 none of the time ... 5 all of the time)",
                "I've been dealing with problems well (1 none of the time ... 5 all of the time)",
                "I've been thinking clearly (1 none of the time ... 5 all of the time)",
                "I've been feeling close to other people (1 none of the time ... 5 all of the time)",
                "I've been able to make up my own mind about things (1 none of the time ... 5 all of the time)",
            ],
        }
    }

    /// What to show under the scores while `typed` is being typed: the
    /// question of the item being scored, numbered, or that all are in.
    pub fn prompt(self, typed: &str) -> String {
        let scores = typed.split([' ', ',']).filter(|s| !s.is_empty()).count();
        let between = typed.is_empty() || typed.ends_with([' ', ',']);
        let at = if between {
            scores
        } else {
            scores.saturating_sub(1)
        };
        let questions = self.questions();
        let n = questions.len();
        match questions.get(at) {
            Some(q) => format!("{} of {n}: {q}", at + 1),
            None if scores == n => format!("all {n} scored: Ctrl-s saves"),
            None => format!("{scores} scores, but {} asks {n} questions", self.as_str()),
        }
    }

    pub fn range(self) -> (u8, u8) {
        match self {
            Instrument::Ons4 => (0, 10),
            Instrument::Ucla3 => (1, 3),
            Instrument::Swemwbs => (1, 5),
        }
    }

    /// How to type the scores, shown under the field.
    pub fn hint(self) -> &'static str {
        match self {
            Instrument::Ons4 => "4 scores 0-10: satisfaction worthwhile happiness anxiety",
            Instrument::Ucla3 => "3 scores 1-3: companionship left-out isolated",
            Instrument::Swemwbs => "7 scores 1-5, in questionnaire order",
        }
    }

    /// Whether a higher score on `item` means better wellbeing.
    pub fn higher_is_better(self, item: usize) -> bool {
        match self {
            Instrument::Ons4 => item != 3, // anxiety: lower is better
            Instrument::Ucla3 => false,    // loneliness: lower is better
            Instrument::Swemwbs => true,
        }
    }
}

/// Validated item scores for one instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub instrument: Instrument,
    pub items: Vec<u8>,
}

impl Scores {
    /// Parses "5 6 4 7" (spaces or commas), checking count and range of each item.
    pub fn parse(instrument: Instrument, text: &str) -> Result<Scores, String> {
        let names = instrument.items();
        let (lo, hi) = instrument.range();
        let parts: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .collect();
        if parts.len() != names.len() {
            return Err(format!(
                "{} needs {} scores, one per item; got {}",
                instrument.as_str(),
                names.len(),
                parts.len()
            ));
        }
        let mut items = Vec::with_capacity(parts.len());
        for (i, (part, name)) in parts.iter().zip(names).enumerate() {
            match part.parse::<u8>() {
                Ok(v) if (lo..=hi).contains(&v) => items.push(v),
                _ => {
                    return Err(format!(
                        "item {} ({name}) must be a whole number {lo}-{hi}",
                        i + 1
                    ));
                }
            }
        }
        Ok(Scores { instrument, items })
    }

    /// The total stored with the measure: never for ONS4, whose items are
    /// reported separately; UCLA3 raw sum; SWEMWBS raw sum (7-35).
    pub fn total(&self) -> Option<i64> {
        match self.instrument {
            Instrument::Ons4 => None,
            _ => Some(self.items.iter().map(|&v| v as i64).sum()),
        }
    }
}

/// SWEMWBS raw score (7-35) to metric score, from the published Rasch
/// conversion table (Stewart-Brown et al., 2009).
pub fn swemwbs_metric(raw: i64) -> Option<f64> {
    usize::try_from(raw - 7)
        .ok()
        .and_then(|i| SWEMWBS_METRIC.get(i))
        .copied()
}

/// The metric score of each SWEMWBS raw score, 7 to 35 in order (the report
/// converts in SQL from this same table).
pub const SWEMWBS_METRIC: [f64; 29] = [
    7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59,
    19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70,
    32.55, 35.00,
];

/// One line of "first -> latest" for the person pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub label: String,
    pub first: f64,
    pub latest: f64,
    pub higher_is_better: bool,
}

impl Change {
    /// Positive when wellbeing improved, negative when it got worse.
    pub fn improvement(&self) -> f64 {
        let d = self.latest - self.first;
        if self.higher_is_better { d } else { -d }
    }
}

/// Each instrument that has measures, with its measures in the order given
/// (oldest first, as the store reads them), the first and latest at the ends.
pub fn by_instrument(measures: &[Measure]) -> Vec<(Instrument, Vec<&Measure>)> {
    Instrument::ALL
        .into_iter()
        .map(|i| (i, measures.iter().filter(|m| m.instrument == i).collect()))
        .filter(|(_, of): &(Instrument, Vec<&Measure>)| !of.is_empty())
        .collect()
}

/// The range of the comparable figures [`changes`] gives for an instrument:
/// an ONS4 item 0-10, the UCLA3 total 3-9, the SWEMWBS metric score 7-35.
pub fn figure_range(instrument: Instrument) -> (f64, f64) {
    match instrument {
        Instrument::Ons4 => (0.0, 10.0),
        Instrument::Ucla3 => (3.0, 9.0),
        Instrument::Swemwbs => (7.0, 35.0),
    }
}

/// Each comparable figure of an instrument over time (one value per
/// measure, oldest first), labelled as [`changes`] labels them.
pub fn series(instrument: Instrument, measures: &[&[u8]]) -> Vec<(String, Vec<f64>)> {
    let mut out: Vec<(String, Vec<f64>)> = Vec::new();
    for items in measures {
        for c in changes(instrument, items, items) {
            match out.iter_mut().find(|(label, _)| *label == c.label) {
                Some((_, values)) => values.push(c.latest),
                None => out.push((c.label, vec![c.latest])),
            }
        }
    }
    out
}

/// First and latest of one instrument as comparable figures: each ONS4 item on
/// its own, the UCLA3 total, the SWEMWBS metric score.
pub fn changes(instrument: Instrument, first: &[u8], latest: &[u8]) -> Vec<Change> {
    let sum = |v: &[u8]| v.iter().map(|&x| x as i64).sum::<i64>();
    match instrument {
        Instrument::Ons4 => instrument
            .items()
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                Some(Change {
                    label: name.to_string(),
                    first: *first.get(i)? as f64,
                    latest: *latest.get(i)? as f64,
                    higher_is_better: instrument.higher_is_better(i),
                })
            })
            .collect(),
        Instrument::Ucla3 => vec![Change {
            label: "loneliness".into(),
            first: sum(first) as f64,
            latest: sum(latest) as f64,
            higher_is_better: false,
        }],
        Instrument::Swemwbs => match (swemwbs_metric(sum(first)), swemwbs_metric(sum(latest))) {
            (Some(a), Some(b)) => vec![Change {
                label: "score".into(),
                first: a,
                latest: b,
                higher_is_better: true,
            }],
            _ => Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_follows_the_scores_as_they_are_typed() {
        let ons = Instrument::Ons4;
        assert!(ons.prompt("").starts_with("1 of 4: Overall, how satisfied"));
        assert!(
            ons.prompt("7").starts_with("1 of 4:"),
            "still typing the first"
        );
        assert!(
            ons.prompt("7 ")
                .starts_with("2 of 4: Overall, to what extent")
        );
        assert!(ons.prompt("7,8,").starts_with("3 of 4: Overall, how happy"));
        assert_eq!(ons.prompt("7 8 6 2 "), "all 4 scored: Ctrl-s saves");
        assert_eq!(
            ons.prompt("7 8 6 2 1"),
            "5 scores, but ONS4 asks 4 questions"
        );
        for i in Instrument::ALL {
            assert_eq!(i.questions().len(), i.items().len(), "{i:?}");
        }
    }

    #[test]
    fn validates_count_and_range_per_item() {
        assert_eq!(
            Scores::parse(Instrument::Ons4, "5 6, 4 7").unwrap().items,
            [5, 6, 4, 7]
        );
        assert!(
            Scores::parse(Instrument::Ons4, "5 6 4")
                .unwrap_err()
                .contains("needs 4")
        );
        let e = Scores::parse(Instrument::Ons4, "5 6 11 7").unwrap_err();
        assert!(e.contains("item 3 (happiness)"), "{e}");
        assert!(Scores::parse(Instrument::Ucla3, "1 2 4").is_err());
        assert!(Scores::parse(Instrument::Ucla3, "0 2 3").is_err());
        assert!(Scores::parse(Instrument::Swemwbs, "1 2 3 4 5 6 1").is_err());
        assert!(Scores::parse(Instrument::Swemwbs, "-1 2 3 4 5 1 1").is_err());
        assert_eq!(
            Scores::parse(Instrument::Ucla3, "3 3 3").unwrap().total(),
            Some(9)
        );
        assert_eq!(
            Scores::parse(Instrument::Ons4, "1 1 1 1").unwrap().total(),
            None
        );
    }

    #[test]
    fn swemwbs_table_ends_and_middle() {
        assert_eq!(swemwbs_metric(7), Some(7.00));
        assert_eq!(swemwbs_metric(21), Some(19.25));
        assert_eq!(swemwbs_metric(35), Some(35.00));
        assert_eq!(swemwbs_metric(6), None);
        assert_eq!(swemwbs_metric(36), None);
    }

    #[test]
    fn lower_anxiety_and_loneliness_count_as_better() {
        let c = changes(Instrument::Ons4, &[4, 5, 4, 8], &[6, 5, 6, 3]);
        assert_eq!(c.len(), 4);
        assert!(c[0].improvement() > 0.0);
        assert!(c[3].improvement() > 0.0, "anxiety 8 -> 3 is better");
        let u = changes(Instrument::Ucla3, &[3, 3, 3], &[2, 2, 1]);
        assert_eq!(u[0].improvement(), 4.0);
    }
}

/// A measure as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub id: i64,
    pub person_id: i64,
    pub instrument: Instrument,
    pub taken_on: Option<chrono::NaiveDate>,
    pub items: Vec<u8>,
    pub total: Option<i64>,
}
