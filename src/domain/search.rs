//! Fuzzy search over the directory, shared by the TUI and `caseload directory search`
//! so both rank exactly alike. Pure: no I/O, no clock.
//!
//! A query is split into words; every word must match some field of a service
//! (name, organisation, categories, area/postcode, description), either as an
//! in-order subsequence (fzf style: "nfp" finds "Northside Food Pantry") or, for
//! words of five letters or more, as a word one typo away ("advise" finds
//! "advice"). A word's score is its field's tier (name highest, description
//! lowest) times 1000 plus the match quality, so a name match always ranks above
//! a description match. Ties keep the index order (the caller's, by name).
//!
//! Speed: matching is a byte scan for ASCII query words; typo candidates are
//! found once per word against the vocabulary of the whole index; and
//! [`Searcher`] narrows the candidates to the previous result when the query
//! only grew, and remembers earlier results so backspace is instant.

use std::collections::HashMap;

use super::service::Service;

/// The searchable fields, in tier order (index 0 ranks highest).
pub const FIELDS: [&str; 5] = ["name", "organisation", "categories", "area", "description"];
const TIERS: [i32; 5] = [5, 4, 4, 3, 1];
/// Fields longer than this need a nearly contiguous match, or every word would
/// match every description as a scattered subsequence.
const LONG_FIELD: usize = 60;
const LONG_FIELD_MAX_GAP: usize = 2;

/// One search result: the position of the item in the index and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    pub score: i32,
}

/// Lower-cases one char to one char, so folded text keeps char positions.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The text of each searchable field of a service, in [`FIELDS`] order.
pub fn service_fields(s: &Service) -> [String; 5] {
    let area = match (s.area.as_deref(), s.postcode.as_deref()) {
        (Some(a), Some(p)) => format!("{a} {p}"),
        (a, p) => a.or(p).unwrap_or("").to_string(),
    };
    [
        s.name.clone(),
        s.organisation.clone().unwrap_or_default(),
        s.categories.clone().unwrap_or_default(),
        area,
        s.description.clone().unwrap_or_default(),
    ]
}

struct Doc {
    fields: [Box<str>; 5],
    /// (vocabulary word id, field) for typo matching.
    words: Box<[(u32, u8)]>,
}

/// A prepared, immutable index over items' fields.
pub struct SearchIndex {
    docs: Vec<Doc>,
    vocab: Vec<Box<[char]>>,
}

/// A parsed query word.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    chars: Vec<char>,
    /// Edits allowed when matching whole words (0: none).
    typos: usize,
}

fn typos_for(len: usize) -> usize {
    if len >= 5 { 1 } else { 0 }
}

fn tokens(query: &str) -> Vec<Token> {
    query
        .split_whitespace()
        .map(|w| {
            let text = fold(w);
            let chars: Vec<char> = text.chars().collect();
            Token {
                typos: typos_for(chars.len()),
                text,
                chars,
            }
        })
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The best match of `needle` in `hay` as (window start, window end exclusive),
/// trying every start, with at most `max_gap` skipped items inside the window.
/// Returns the shortest window, preferring one at a word start.
fn best_window<T: Copy + PartialEq>(
    hay: &[T],
    needle: &[T],
    max_gap: usize,
    at_boundary: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let first = *needle.first()?;
    let mut best: Option<(usize, usize, bool)> = None;
    let mut from = 0;
    while let Some(pos) = hay[from..].iter().position(|&c| c == first) {
        let start = from + pos;
        // Greedy forward from this start gives the shortest window starting here.
        let mut i = start;
        let mut matched = 0;
        while i < hay.len() && matched < needle.len() {
            if hay[i] == needle[matched] {
                matched += 1;
            }
            i += 1;
        }
        if matched < needle.len() {
            break; // no later start can match either
        }
        let (len, boundary) = (i - start, at_boundary(start));
        if len - needle.len() <= max_gap {
            let better = match best {
                None => true,
                Some((s, e, b)) => {
                    let old = e - s;
                    len < old || (len == old && boundary && !b)
                }
            };
            if better {
                best = Some((start, i, boundary));
            }
            if len == needle.len() && boundary {
                break; // cannot do better
            }
        }
        from = start + 1;
    }
    best.map(|(s, e, _)| (s, e))
}

/// Quality of a window, 0..=999.
fn quality(window: usize, needle: usize, boundary: bool, start: usize) -> i32 {
    let gap = (window - needle) as i32;
    let mut q = 600 - (gap * 20).min(500);
    if gap == 0 {
        q += 200;
    }
    if boundary {
        q += 150;
    }
    if start == 0 {
        q += 40;
    }
    q.clamp(0, 999)
}

/// Scores one token against one field's folded text.
fn match_field(text: &str, token: &Token) -> Option<i32> {
    let max_gap = if text.len() > LONG_FIELD {
        LONG_FIELD_MAX_GAP
    } else {
        usize::MAX
    };
    if token.text.is_ascii() {
        let hay = text.as_bytes();
        let boundary = |i: usize| i == 0 || !hay[i - 1].is_ascii_alphanumeric();
        let (s, e) = best_window(hay, token.text.as_bytes(), max_gap, boundary)?;
        Some(quality(e - s, token.text.len(), boundary(s), s))
    } else {
        let hay: Vec<char> = text.chars().collect();
        let boundary = |i: usize| i == 0 || !is_word_char(hay[i - 1]);
        let (s, e) = best_window(&hay, &token.chars, max_gap, boundary)?;
        Some(quality(e - s, token.chars.len(), boundary(s), s))
    }
}

/// Edit distance (with adjacent transpositions) between `a` and the closest
/// prefix of `b`, or None when above `max`.
fn prefix_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if b.len() + max < a.len() {
        return None;
    }
    let n = b.len();
    let mut prev2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    // `prev` now holds the last row: distance from all of `a` to each prefix of `b`.
    let best = prev.iter().copied().min()?;
    (best <= max).then_some(best)
}

impl SearchIndex {
    /// Builds an index; items keep their order, which breaks ties in ranking.
    pub fn new<I>(items: I) -> SearchIndex
    where
        I: IntoIterator<Item = [String; 5]>,
    {
        let mut vocab_ids: HashMap<String, u32> = HashMap::new();
        let mut vocab: Vec<Box<[char]>> = Vec::new();
        let mut docs = Vec::new();
        for item in items {
            let fields: [Box<str>; 5] = std::array::from_fn(|i| fold(&item[i]).into_boxed_str());
            let mut words: Vec<(u32, u8)> = Vec::new();
            for (f, text) in fields.iter().enumerate() {
                // Typos are for words: numbers and codes must match as typed.
                let found = text
                    .split(|c: char| !is_word_char(c))
                    .filter(|w| w.len() >= 3 && !w.bytes().any(|b| b.is_ascii_digit()));
                for w in found {
                    let id = match vocab_ids.get(w) {
                        Some(id) => *id,
                        None => {
                            let id = vocab.len() as u32;
                            vocab.push(w.chars().collect());
                            vocab_ids.insert(w.to_string(), id);
                            id
                        }
                    };
                    if !words.contains(&(id, f as u8)) {
                        words.push((id, f as u8));
                    }
                }
            }
            docs.push(Doc {
                fields,
                words: words.into_boxed_slice(),
            });
        }
        SearchIndex { docs, vocab }
    }

    /// An index over services, in the given order.
    pub fn for_services(services: &[Service]) -> SearchIndex {
        SearchIndex::new(services.iter().map(service_fields))
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every item matching `query`, best first. An empty query returns all, in order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_in(query, None)
    }

    /// As [`SearchIndex::search`], but only among `candidates` (indices).
    fn search_in(&self, query: &str, candidates: Option<&[u32]>) -> Vec<Hit> {
        let toks = tokens(query);
        let all = || (0..self.docs.len() as u32).collect::<Vec<u32>>();
        if toks.is_empty() {
            return candidates
                .map(<[u32]>::to_vec)
                .unwrap_or_else(all)
                .into_iter()
                .map(|index| Hit { index, score: 0 })
                .collect();
        }
        // Per token, which vocabulary words are one typo away (none for short words).
        let typo_words: Vec<Option<Vec<bool>>> = toks
            .iter()
            .map(|t| {
                (t.typos > 0).then(|| {
                    self.vocab
                        .iter()
                        .map(|w| prefix_distance(&t.chars, w, t.typos).is_some())
                        .collect()
                })
            })
            .collect();
        let score_doc = |index: u32| -> Option<Hit> {
            let doc = &self.docs[index as usize];
            let mut total = 0;
            for (t, typo) in toks.iter().zip(&typo_words) {
                total += self.score_token(doc, t, typo.as_deref())?;
            }
            Some(Hit {
                index,
                score: total,
            })
        };
        let mut hits: Vec<Hit> = match candidates {
            Some(c) => c.iter().filter_map(|&i| score_doc(i)).collect(),
            None => (0..self.docs.len() as u32).filter_map(score_doc).collect(),
        };
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        hits
    }

    fn score_token(&self, doc: &Doc, t: &Token, typo: Option<&[bool]>) -> Option<i32> {
        // Fields in tier order: the first that matches wins on tier.
        let mut best: Option<i32> = None;
        for (f, text) in doc.fields.iter().enumerate() {
            if best.is_some_and(|b| b >= TIERS[f] * 1000 + 999) {
                break;
            }
            if let Some(q) = match_field(text, t) {
                let s = TIERS[f] * 1000 + q;
                best = Some(best.map_or(s, |b| b.max(s)));
            }
        }
        if best.is_some() {
            return best;
        }
        let typo = typo?;
        doc.words
            .iter()
            .filter(|(w, _)| typo.get(*w as usize).copied().unwrap_or(false))
            .map(|(_, f)| TIERS[*f as usize] * 1000 + 100)
            .max()
    }
}

/// The char positions in `text` that `query` matches, for highlighting. Uses the
/// same matching as the ranking; words that match only by typo highlight nothing.
pub fn highlight(text: &str, query: &str) -> Vec<usize> {
    let folded = fold(text);
    let hay: Vec<char> = folded.chars().collect();
    let mut marks = Vec::new();
    // The same rule as `match_field`, on the same folded text.
    let max_gap = if folded.len() > LONG_FIELD {
        LONG_FIELD_MAX_GAP
    } else {
        usize::MAX
    };
    for t in tokens(query) {
        let boundary = |i: usize| i == 0 || !is_word_char(hay[i - 1]);
        if let Some((s, e)) = best_window(&hay, &t.chars, max_gap, boundary) {
            let mut k = 0;
            for (i, c) in hay.iter().enumerate().take(e).skip(s) {
                if k < t.chars.len() && *c == t.chars[k] {
                    marks.push(i);
                    k += 1;
                }
            }
        }
    }
    marks.sort_unstable();
    marks.dedup();
    marks
}

/// A search session over one index: remembers recent results so a growing
/// query only re-checks the previous matches, and backspace is instant.
pub struct Searcher {
    index: SearchIndex,
    recent: Vec<(String, Vec<Hit>)>,
}

const RECENT: usize = 32;

impl Searcher {
    pub fn new(index: SearchIndex) -> Searcher {
        Searcher {
            index,
            recent: Vec::new(),
        }
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The same results as `SearchIndex::search(query)`, usually faster.
    pub fn search(&mut self, query: &str) -> &[Hit] {
        let key = tokens(query)
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(pos) = self.recent.iter().position(|(q, _)| *q == key) {
            let entry = self.recent.remove(pos);
            self.recent.push(entry);
        } else {
            // The longest remembered query that this one only narrows.
            let base = self
                .recent
                .iter()
                .filter(|(q, _)| narrows(q, &key))
                .max_by_key(|(q, _)| q.len())
                .map(|(_, hits)| hits.iter().map(|h| h.index).collect::<Vec<u32>>());
            let hits = self.index.search_in(&key, base.as_deref());
            if self.recent.len() >= RECENT {
                self.recent.remove(0);
            }
            self.recent.push((key, hits));
        }
        self.recent.last().map_or(&[], |(_, h)| h.as_slice())
    }
}

/// True when every match of `new` must also match `old`: each old word is a
/// prefix of the new word in the same place with the same typo allowance
/// (extra new words only narrow further).
fn narrows(old: &str, new: &str) -> bool {
    let old = tokens(old);
    let new = tokens(new);
    !old.is_empty()
        && old.len() <= new.len()
        && old
            .iter()
            .zip(&new)
            .all(|(o, n)| n.text.starts_with(&o.text) && o.typos == n.typos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svc(name: &str, cats: &str, desc: &str) -> Service {
        Service {
            name: name.into(),
            categories: Some(cats.into()),
            description: Some(desc.into()),
            ..Default::default()
        }
    }

    fn sample() -> Vec<Service> {
        vec![
            svc(
                "Benefits Advice Drop-in",
                "benefits,money and debt advice",
                "Help with forms.",
            ),
            svc("Northside Food Pantry", "food", "Free groceries each week."),
            svc(
                "Riverside Walking Group",
                "walking,sport",
                "A gentle walk; tea and food after at the cafe on the corner of the park.",
            ),
            svc("Łódź Polish Club", "social", "Spotkania dla wszystkich."),
        ]
    }

    fn names(services: &[Service], hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| services[h.index as usize].name.clone())
            .collect()
    }

    #[test]
    fn name_matches_rank_above_description_matches() {
        let s = sample();
        let idx = SearchIndex::for_services(&s);
        let got = names(&s, &idx.search("food"));
        assert_eq!(got, ["Northside Food Pantry", "Riverside Walking Group"]);
    }

    #[test]
    fn misspelt_words_still_find_the_service() {
        let s = sample();
        let idx = SearchIndex::for_services(&s);
        let got = names(&s, &idx.search("benfits advise"));
        assert_eq!(got, ["Benefits Advice Drop-in"]);
        assert!(idx.search("zzzzz").is_empty());
    }

    #[test]
    fn subsequences_and_unicode_match() {
        let s = sample();
        let idx = SearchIndex::for_services(&s);
        // Initials at word starts rank above a scattered match.
        assert_eq!(names(&s, &idx.search("nfp"))[0], "Northside Food Pantry");
        assert_eq!(names(&s, &idx.search("ŁÓDŹ")), ["Łódź Polish Club"]);
        assert_eq!(idx.search("").len(), 4);
    }

    #[test]
    fn highlight_marks_matched_chars() {
        assert_eq!(
            highlight("Northside Food Pantry", "food"),
            vec![10, 11, 12, 13]
        );
        assert_eq!(highlight("Łódź", "łd"), vec![0, 2]);
        assert!(highlight("abc", "xyz").is_empty());
    }

    #[test]
    fn typo_distance_is_to_a_prefix() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(prefix_distance(&c("advise"), &c("advice"), 1), Some(1));
        assert_eq!(prefix_distance(&c("advis"), &c("advice"), 1), Some(1));
        assert_eq!(prefix_distance(&c("benfits"), &c("benefits"), 1), Some(1));
        assert_eq!(prefix_distance(&c("walkign"), &c("walking"), 1), Some(1));
        assert_eq!(prefix_distance(&c("xyzzy"), &c("advice"), 1), None);
    }

    #[test]
    fn searcher_gives_the_same_results_as_a_full_search() {
        let s = sample();
        let mut searcher = Searcher::new(SearchIndex::for_services(&s));
        let queries = [
            "",
            "f",
            "fo",
            "foo",
            "food",
            "foods",
            "food ",
            "food p",
            "fo",
            "b",
            "be",
            "ben",
            "benf",
            "benfi",
            "benfits",
            "benfits a",
            "benfits advise",
            "benfits adv",
            "w",
            "wa",
            "wal",
            "walk",
            "walki",
            "walkign",
            "ł",
            "łó",
            "",
        ];
        let fresh = SearchIndex::for_services(&s);
        for q in queries {
            let got = searcher.search(q).to_vec();
            assert_eq!(got, fresh.search(q), "query {q:?}");
        }
    }

    #[test]
    fn searcher_matches_full_search_on_generated_data_while_typing_and_deleting() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut rng = crate::demo::Rng::new(7);
        let services: Vec<Service> = crate::demo::services(&mut rng, 1, 3000, today)
            .into_iter()
            .map(|g| Service {
                uid: g.uid,
                name: g.name,
                organisation: Some(g.organisation),
                description: Some(g.description),
                categories: Some(g.categories.to_string()),
                area: Some(g.area.to_string()),
                ..Default::default()
            })
            .collect();
        let full = SearchIndex::for_services(&services);
        let mut searcher = Searcher::new(SearchIndex::for_services(&services));
        // Type, then delete, several queries, as a person would.
        for query in [
            "foodpantry",
            "befriendng north",
            "money advise",
            "walk 12",
            "zz top",
        ] {
            let mut typed = String::new();
            let mut steps: Vec<String> = Vec::new();
            for c in query.chars() {
                typed.push(c);
                steps.push(typed.clone());
            }
            while typed.pop().is_some() {
                steps.push(typed.clone());
            }
            for q in steps {
                assert_eq!(
                    searcher.search(&q),
                    full.search(&q).as_slice(),
                    "query {q:?}"
                );
            }
        }
    }

    #[test]
    fn narrowing_rules() {
        assert!(narrows("foo", "food"));
        assert!(narrows("food", "food pan"));
        assert!(!narrows("food", "foods")); // five letters allow a typo: wider
        assert!(!narrows("food", "fod"));
        assert!(!narrows("", "a"));
    }
}
