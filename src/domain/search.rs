//! Search over the directory, shared by the TUI and `caseload directory search`
//! so both rank exactly alike. Pure: no I/O, no clock.
//!
//! A query is split into words. Every word must match some field of a service
//! (name, organisation, categories, area/postcode, description, eligibility),
//! as a whole word, the start of one ("walk" finds "walking"), the same stem
//! ("loneliness" finds "lonely"), or a synonym from the thesaurus ("lonely"
//! finds "befriending"), best first in that order. Only a word that is not
//! itself a word of the directory is also tried with one typo ("benfits";
//! "walking" is a word, so it never finds "talking"). Soft
//! words ("people", "for", "help") add to a match without being required.
//! A word's score is its field's tier (name highest) times 1000 plus the kind
//! of match, so a name match ranks above a description match.
//!
//! Only when that finds nothing is the older, looser matching tried: letters
//! in order (fzf style: "nfp" finds "Northside Food Pantry") for words of up
//! to four letters, and typos for longer ones. So scattered letters never pad
//! a list that has real matches.
//!
//! Speed: word matches come from an inverted index (each distinct word's
//! services); the looser fallback is a byte scan, and [`Searcher`] narrows it
//! to the previous result when the query only grew.

use std::collections::HashMap;

use super::service::Service;
pub use super::words::fold;
use super::words::{Thesaurus, is_soft, stem, words_with_positions};

/// The searchable fields, in tier order (index 0 ranks highest).
pub const FIELDS: [&str; 6] = [
    "name",
    "organisation",
    "categories",
    "area",
    "description",
    "eligibility",
];
const TIERS: [i32; 6] = [5, 4, 4, 3, 1, 1];
/// Fields longer than this need a nearly contiguous match, or every word would
/// match every description as a scattered subsequence.
const LONG_FIELD: usize = 60;
const LONG_FIELD_MAX_GAP: usize = 2;
/// The longest query word matched as scattered letters (initials, "nfp").
const MAX_SCATTER: usize = 4;

/// What a query word's match is worth within its field's tier.
const EXACT: i32 = 900;
const PREFIX: i32 = 800;
const STEM: i32 = 760;
const SYNONYM: i32 = 680;
const TYPO: i32 = 400;

/// One search result: the position of the item in the index and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    pub score: i32,
}

/// The text of each searchable field of a service, in [`FIELDS`] order.
pub fn service_fields(s: &Service) -> [String; 6] {
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
        s.eligibility.clone().unwrap_or_default(),
    ]
}

/// Every item's folded fields, end to end in one string (one allocation,
/// not six an item: a 10k directory's index is megabytes smaller).
struct Docs {
    text: String,
    /// For item `d`, field `f` is `text[bounds[d * 6 + f]..bounds[d * 6 + f + 1]]`.
    bounds: Vec<u32>,
}

impl Docs {
    fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1) / 6
    }

    fn fields(&self, d: usize) -> impl Iterator<Item = &str> {
        (0..6).map(move |f| {
            let (a, b) = (self.bounds[d * 6 + f], self.bounds[d * 6 + f + 1]);
            self.text.get(a as usize..b as usize).unwrap_or("")
        })
    }
}

/// A distinct word of the whole directory.
struct Word {
    text: Box<str>,
    /// `None` when the stem is the word itself (most words).
    stem: Option<Box<str>>,
    /// Words of three letters or more with no digit may match by typo.
    typo_ok: bool,
}

impl Word {
    fn stem(&self) -> &str {
        self.stem.as_deref().unwrap_or(&self.text)
    }
}

/// A prepared, immutable index over items' fields.
pub struct SearchIndex {
    docs: Docs,
    vocab: Vec<Word>,
    /// For each word `w`: the items holding it, as `doc << 3 | field`,
    /// ascending, at `postings[starts[w]..starts[w + 1]]`.
    postings: Vec<u32>,
    starts: Vec<u32>,
    /// Word ids in text order, so the words starting with a prefix are one range.
    sorted: Vec<u32>,
    /// Word ids in stem order, so the words with a stem are one range.
    by_stem: Vec<u32>,
    thesaurus: Thesaurus,
}

/// A parsed query word, for the looser fallback.
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

/// A query term for word matching: one word, or a phrase the thesaurus
/// knows ("talking therapy"), with what else it may be matched by.
#[derive(Debug, Clone)]
struct Term {
    /// The term as typed, then its synonyms; each a list of words.
    alternatives: Vec<Vec<String>>,
    soft: bool,
    /// A postcode district ("LS6"): only that word matches, never a typo
    /// or a prefix of it (LS6 is not LS9 nor LS60).
    postcode: bool,
}

/// A UK postcode's outward code as typed: one or two letters, a digit, and
/// maybe a digit or letter ("m1", "ls6", "ls12", "ec1a").
pub fn is_postcode_district(word: &str) -> bool {
    let b = word.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    (1..=2).contains(&letters)
        && b.len() > letters
        && b[letters].is_ascii_digit()
        && b.len() <= letters + 2
        && b[letters + 1..].iter().all(|c| c.is_ascii_alphanumeric())
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

/// How far apart letters of a query word may be in a field: words longer
/// than [`MAX_SCATTER`] must be typed together (or match by typo).
fn max_gap(text: &str, token: &Token) -> usize {
    if token.chars.len() > MAX_SCATTER {
        0
    } else if text.len() > LONG_FIELD {
        LONG_FIELD_MAX_GAP
    } else {
        usize::MAX
    }
}

/// Where `needle` starts in `hay` if typed together, spaces and punctuation
/// left out ("foodpantry" in "food pantry"); ASCII only.
fn squashed_start(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    (0..hay.len()).find(|&start| {
        if hay[start] != first {
            return false;
        }
        let mut i = start;
        for &want in needle {
            while i < hay.len() && !hay[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i >= hay.len() || hay[i] != want {
                return false;
            }
            i += 1;
        }
        true
    })
}

/// Scores one token against one field's folded text, for the fallback.
fn match_field(text: &str, token: &Token) -> Option<i32> {
    let max_gap = max_gap(text, token);
    if max_gap == 0 && token.text.is_ascii() {
        let hay = text.as_bytes();
        let s = squashed_start(hay, token.text.as_bytes())?;
        let boundary = s == 0 || !hay[s - 1].is_ascii_alphanumeric();
        return Some(quality(token.text.len(), token.text.len(), boundary, s));
    }
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

/// How `word` (from the directory) matches `typed` (a query word), if at all:
/// the quality within a tier.
fn word_quality(typed: &str, typed_stem: &str, word: &Word, synonym: bool) -> Option<i32> {
    let q = if *word.text == *typed {
        EXACT
    } else if word.text.starts_with(typed) {
        let extra = (word.text.len() - typed.len()).min(8) as i32;
        PREFIX - extra * 10
    } else if word.stem() == typed_stem {
        STEM
    } else {
        return None;
    };
    Some(if synonym { SYNONYM.min(q) } else { q })
}

const NONE: i32 = i32::MIN;

impl SearchIndex {
    /// Builds an index that finds words through `thesaurus`; items keep
    /// their order, which breaks ties in ranking.
    pub fn with_thesaurus<I>(items: I, thesaurus: Thesaurus) -> SearchIndex
    where
        I: IntoIterator<Item = [String; 6]>,
    {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut vocab: Vec<Word> = Vec::new();
        // (word, doc << 3 | field), sorted into one array below: one large
        // allocation instead of one per word, and given back when done.
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut docs = Docs {
            text: String::new(),
            bounds: vec![0],
        };
        for (d, item) in items.into_iter().enumerate() {
            for (f, text) in item.iter().enumerate() {
                for (w, _) in words_with_positions(text) {
                    let id = match ids.get(&w) {
                        Some(id) => *id,
                        None => {
                            let id = vocab.len() as u32;
                            let s = stem(&w);
                            vocab.push(Word {
                                typo_ok: w.chars().count() >= 3
                                    && !w.bytes().any(|b| b.is_ascii_digit()),
                                stem: (s != w).then(|| s.into_boxed_str()),
                                text: w.clone().into_boxed_str(),
                            });
                            ids.insert(w, id);
                            id
                        }
                    };
                    pairs.push((id, (d as u32) << 3 | f as u32));
                }
            }
            for field in &item {
                docs.text.push_str(&fold(field));
                docs.bounds.push(docs.text.len() as u32);
            }
        }
        drop(ids);
        pairs.sort_unstable();
        pairs.dedup();
        let mut starts: Vec<u32> = Vec::with_capacity(vocab.len() + 1);
        let mut at = 0;
        for w in 0..vocab.len() as u32 {
            starts.push(at as u32);
            while at < pairs.len() && pairs[at].0 == w {
                at += 1;
            }
        }
        starts.push(pairs.len() as u32);
        let postings: Vec<u32> = pairs.iter().map(|p| p.1).collect();
        drop(pairs);
        docs.text.shrink_to_fit();
        docs.bounds.shrink_to_fit();
        let mut sorted: Vec<u32> = (0..vocab.len() as u32).collect();
        sorted.sort_unstable_by(|a, b| vocab[*a as usize].text.cmp(&vocab[*b as usize].text));
        let mut by_stem: Vec<u32> = (0..vocab.len() as u32).collect();
        by_stem.sort_by(|a, b| vocab[*a as usize].stem().cmp(vocab[*b as usize].stem()));
        SearchIndex {
            docs,
            vocab,
            postings,
            starts,
            sorted,
            by_stem,
            thesaurus,
        }
    }

    /// An index over services, in the given order.
    pub fn for_services(services: &[Service], thesaurus: &Thesaurus) -> SearchIndex {
        SearchIndex::with_thesaurus(services.iter().map(service_fields), thesaurus.clone())
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.len() == 0
    }

    /// Every item matching `query`, best first. An empty query returns all, in order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        match self.word_search(query) {
            Some(hits) => hits,
            None => self.fallback_in(query, None),
        }
    }

    /// The query's terms: words, with phrases the thesaurus knows kept together.
    fn terms(&self, query: &str) -> Vec<Term> {
        let typed: Vec<String> = super::words::words(query);
        let mut terms = Vec::new();
        let mut i = 0;
        while i < typed.len() {
            let longest = self.thesaurus.longest_phrase().min(typed.len() - i);
            let len = (2..=longest)
                .rev()
                .find(|&n| self.thesaurus.knows_phrase(&typed[i..i + n]))
                .unwrap_or(1);
            let phrase = &typed[i..i + len];
            let postcode = len == 1 && is_postcode_district(&phrase[0]);
            terms.push(Term {
                alternatives: if postcode {
                    vec![phrase.to_vec()]
                } else {
                    self.thesaurus.alternatives(phrase)
                },
                soft: len == 1 && is_soft(&phrase[0]),
                postcode,
            });
            i += len;
        }
        if terms.iter().all(|t| t.soft) {
            for t in &mut terms {
                t.soft = false;
            }
        }
        terms
    }

    /// Word matching (see the module comment). `None` when it finds nothing
    /// and the looser fallback should be tried.
    fn word_search(&self, query: &str) -> Option<Vec<Hit>> {
        let terms = self.terms(query);
        if terms.is_empty() && !query.trim().is_empty() {
            return None; // only symbols: letters-in-order can still match them
        }
        if terms.is_empty() {
            return Some(
                (0..self.docs.len() as u32)
                    .map(|index| Hit { index, score: 0 })
                    .collect(),
            );
        }
        let mut total: Vec<i32> = vec![0; self.docs.len()];
        let mut alive: Vec<bool> = vec![true; self.docs.len()];
        for term in &terms {
            let best = self.term_scores(term);
            for d in 0..self.docs.len() {
                match best[d] {
                    NONE if !term.soft => alive[d] = false,
                    NONE => {}
                    s => total[d] += s,
                }
            }
        }
        let mut hits: Vec<Hit> = (0..self.docs.len())
            .filter(|&d| alive[d])
            .map(|d| Hit {
                index: d as u32,
                score: total[d],
            })
            .collect();
        if hits.is_empty() {
            return None;
        }
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        Some(hits)
    }

    /// Each item's best score for `term` (`NONE`: no match).
    fn term_scores(&self, term: &Term) -> Vec<i32> {
        let mut best = vec![NONE; self.docs.len()];
        if let (true, [typed]) = (term.postcode, term.alternatives[0].as_slice()) {
            let exact: Vec<usize> = self
                .candidates(typed)
                .filter(|&id| *self.vocab[id].text == **typed)
                .collect();
            for id in exact {
                self.raise(&mut best, id, EXACT);
            }
            return best;
        }
        for (a, alt) in term.alternatives.iter().enumerate() {
            let synonym = a > 0;
            match alt.as_slice() {
                [one] => self.add_word(&mut best, one, synonym),
                many => self.add_phrase(&mut best, many, synonym),
            };
        }
        // A typo only for a word that is not itself a word of the directory:
        // "walking" is, so it never matches "talking"; "advise" is not, so it
        // finds "advice" as well as the "advisers" it begins.
        if let [typed] = term.alternatives[0].as_slice()
            && !self.is_word(typed)
        {
            self.add_typos(&mut best, typed, TYPO);
        }
        best
    }

    /// Whether `typed` is a word of the directory, as it is or by its stem.
    fn is_word(&self, typed: &str) -> bool {
        let at = self
            .sorted
            .partition_point(|&id| *self.vocab[id as usize].text < *typed);
        self.sorted
            .get(at)
            .is_some_and(|&id| *self.vocab[id as usize].text == *typed)
            || !self.with_stem(&stem(typed)).is_empty()
    }

    /// The ids of the words whose stem is `s`.
    fn with_stem(&self, s: &str) -> &[u32] {
        let stem_of = |id: &u32| self.vocab[*id as usize].stem();
        let from = self.by_stem.partition_point(|id| stem_of(id) < s);
        let to = from + self.by_stem[from..].partition_point(|id| stem_of(id) == s);
        &self.by_stem[from..to]
    }

    /// The items holding word `id`, as `doc << 3 | field`.
    fn posting(&self, id: usize) -> &[u32] {
        let (a, b) = (self.starts[id] as usize, self.starts[id + 1] as usize);
        &self.postings[a..b]
    }

    /// The ids of the words starting with `typed`, and of those with its stem.
    fn candidates<'a>(&'a self, typed: &'a str) -> impl Iterator<Item = usize> + 'a {
        let from = self
            .sorted
            .partition_point(|&id| *self.vocab[id as usize].text < *typed);
        let prefixed = self.sorted[from..]
            .iter()
            .take_while(move |&&id| self.vocab[id as usize].text.starts_with(typed))
            .map(|&id| id as usize);
        let stemmed = self
            .with_stem(&stem(typed))
            .iter()
            .map(|&id| id as usize)
            .filter(move |&id| !self.vocab[id].text.starts_with(typed));
        prefixed.chain(stemmed)
    }

    /// Raises `best` for every item holding a word that matches `typed`.
    fn add_word(&self, best: &mut [i32], typed: &str, synonym: bool) -> bool {
        let typed_stem = stem(typed);
        let mut found = false;
        for id in self.candidates(typed) {
            if let Some(q) = word_quality(typed, &typed_stem, &self.vocab[id], synonym) {
                found = true;
                self.raise(best, id, q);
            }
        }
        found
    }

    /// Raises `best` to `q` a tier for every item holding a word one typo
    /// from `typed` (none for words under five letters).
    fn add_typos(&self, best: &mut [i32], typed: &str, q: i32) -> bool {
        let chars: Vec<char> = typed.chars().collect();
        let typos = typos_for(chars.len());
        if typos == 0 {
            return false;
        }
        let mut found = false;
        let mut buf: Vec<char> = Vec::new();
        for (id, word) in self.vocab.iter().enumerate().filter(|(_, w)| w.typo_ok) {
            buf.clear();
            buf.extend(word.text.chars());
            if prefix_distance(&chars, &buf, typos).is_some() {
                self.raise(best, id, q);
                found = true;
            }
        }
        found
    }

    fn raise(&self, best: &mut [i32], id: usize, q: i32) {
        for &entry in self.posting(id) {
            let (d, f) = ((entry >> 3) as usize, (entry & 7) as usize);
            best[d] = best[d].max(TIERS[f] * 1000 + q);
        }
    }

    /// A phrase ("money advice") matches an item holding all its words (as
    /// typed or by stem) in one field.
    fn add_phrase(&self, best: &mut [i32], words: &[String], synonym: bool) -> bool {
        // Per item, the fields holding every word so far, as a bit mask.
        let mut fields: Vec<u8> = vec![0x3f; self.docs.len()];
        let mut here: Vec<u8> = vec![0; self.docs.len()];
        for typed in words {
            let typed_stem = stem(typed);
            here.fill(0);
            for id in self.candidates(typed) {
                let word = &self.vocab[id];
                if *word.text == **typed || word.stem() == typed_stem {
                    for &entry in self.posting(id) {
                        here[(entry >> 3) as usize] |= 1 << (entry & 7);
                    }
                }
            }
            for (all, now) in fields.iter_mut().zip(&here) {
                *all &= now;
            }
        }
        let q = if synonym { SYNONYM } else { EXACT };
        let mut found = false;
        for (d, &mask) in fields.iter().enumerate() {
            if let Some(tier) = (0..6)
                .filter(|f| mask & (1 << f) != 0)
                .map(|f| TIERS[f])
                .max()
            {
                best[d] = best[d].max(tier * 1000 + q);
                found = true;
            }
        }
        found
    }

    /// The looser matching, only among `candidates` (indices) when given.
    fn fallback_in(&self, query: &str, candidates: Option<&[u32]>) -> Vec<Hit> {
        let mut toks = tokens(query);
        // A postcode district matches exactly or not at all: letters in
        // order across "LS9 6PD" must not pass for "LS6".
        if toks.iter().any(|t| is_postcode_district(&t.text)) {
            return Vec::new();
        }
        // "group", "near", "for": they say nothing the other words need.
        if toks.iter().any(|t| !is_soft(&t.text)) {
            toks.retain(|t| !is_soft(&t.text));
        }
        if toks.is_empty() {
            return Vec::new();
        }
        // Per token, each item's best typo match (none for short words).
        let typo_scores: Vec<Option<Vec<i32>>> = toks
            .iter()
            .map(|t| {
                (t.typos > 0).then(|| {
                    let mut best = vec![NONE; self.docs.len()];
                    // Below every letters-in-order match: a typo is the last resort.
                    self.add_typos(&mut best, &t.text, TYPO - 300);
                    best
                })
            })
            .collect();
        let score_doc = |index: u32| -> Option<Hit> {
            let mut total = 0;
            for (t, typo) in toks.iter().zip(&typo_scores) {
                let fields = self.docs.fields(index as usize);
                total += score_token(fields, t, typo.as_ref().map(|v| v[index as usize]))?;
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
}

/// The fallback's score for one token in one item: letters in order in a
/// field, else a typo match.
fn score_token<'a>(
    fields: impl Iterator<Item = &'a str>,
    t: &Token,
    typo: Option<i32>,
) -> Option<i32> {
    // Fields in tier order: the first that matches wins on tier.
    let mut best: Option<i32> = None;
    for (f, text) in fields.enumerate() {
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
    typo.filter(|&s| s != NONE)
}

/// The char positions in `text` that `query` matches, for highlighting:
/// the words it matches (as typed, by stem or synonym), else, for a query
/// word with no such match here, its letters in order. Typos highlight nothing.
pub fn highlight(text: &str, query: &str, thesaurus: &Thesaurus) -> Vec<usize> {
    let in_text = words_with_positions(text);
    let folded = fold(text);
    let hay: Vec<char> = folded.chars().collect();
    let mut marks = Vec::new();
    for t in tokens(query) {
        let typed: Vec<String> = super::words::words(&t.text);
        let mut found = false;
        for alt in thesaurus.alternatives(&typed) {
            // A phrase is marked only where all of it is present.
            let whole = |w: &String| {
                let ws = stem(w);
                in_text.iter().any(|(t, _)| t == w || stem(t) == ws)
            };
            if alt.len() > 1 && !alt.iter().all(whole) {
                continue;
            }
            for typed in &alt {
                let typed_stem = stem(typed);
                for (word, at) in &in_text {
                    if word.starts_with(typed.as_str()) {
                        marks.extend(at.iter().take(typed.chars().count()));
                        found = true;
                    } else if stem(word) == typed_stem {
                        marks.extend(at);
                        found = true;
                    }
                }
            }
        }
        if found {
            continue;
        }
        let max_gap = max_gap(&folded, &t);
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

/// A search session over one index: remembers recent results so backspace is
/// instant, and runs the looser fallback only over the previous fallback's
/// matches when the query only grew.
pub struct Searcher {
    index: SearchIndex,
    recent: Vec<(String, Vec<Hit>)>,
    /// Fallback results by query, for narrowing.
    fallbacks: Vec<(String, Vec<Hit>)>,
}

const RECENT: usize = 32;

impl Searcher {
    pub fn new(index: SearchIndex) -> Searcher {
        Searcher {
            index,
            recent: Vec::new(),
            fallbacks: Vec::new(),
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
            let hits = match self.index.word_search(&key) {
                Some(hits) => hits,
                None => self.fallback(&key),
            };
            remember(&mut self.recent, key, hits);
        }
        self.recent.last().map_or(&[], |(_, h)| h.as_slice())
    }

    fn fallback(&mut self, key: &str) -> Vec<Hit> {
        if let Some((_, hits)) = self.fallbacks.iter().find(|(q, _)| q == key) {
            return hits.clone();
        }
        // The longest remembered query that this one only narrows.
        // A soft word is left out of the fallback, so a query holding one
        // does not narrow the one before it.
        let soft = tokens(key).iter().any(|t| is_soft(&t.text));
        let base = self
            .fallbacks
            .iter()
            .filter(|(q, _)| !soft && narrows(q, key))
            .max_by_key(|(q, _)| q.len())
            .map(|(_, hits)| hits.iter().map(|h| h.index).collect::<Vec<u32>>());
        let hits = self.index.fallback_in(key, base.as_deref());
        remember(&mut self.fallbacks, key.to_string(), hits.clone());
        hits
    }
}

fn remember(list: &mut Vec<(String, Vec<Hit>)>, key: String, hits: Vec<Hit>) {
    if list.len() >= RECENT {
        list.remove(0);
    }
    list.push((key, hits));
}

/// True when every fallback match of `new` must also match `old`: each old
/// word is a prefix of the new word in the same place with the same typo
/// allowance and the same scatter rule (extra new words only narrow further).
fn narrows(old: &str, new: &str) -> bool {
    let old = tokens(old);
    let new = tokens(new);
    !old.is_empty()
        && old.len() <= new.len()
        && old.iter().zip(&new).all(|(o, n)| {
            n.text.starts_with(&o.text)
                && o.typos == n.typos
                && (o.chars.len() > MAX_SCATTER) == (n.chars.len() > MAX_SCATTER)
        })
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
        let idx = SearchIndex::for_services(&s, &Thesaurus::builtin());
        let got = names(&s, &idx.search("food"));
        assert_eq!(got, ["Northside Food Pantry", "Riverside Walking Group"]);
    }

    #[test]
    fn misspelt_words_still_find_the_service() {
        let s = sample();
        let idx = SearchIndex::for_services(&s, &Thesaurus::builtin());
        let got = names(&s, &idx.search("benfits advise"));
        assert_eq!(got, ["Benefits Advice Drop-in"]);
        assert!(idx.search("zzzzz").is_empty());
    }

    #[test]
    fn subsequences_and_unicode_match() {
        let s = sample();
        let idx = SearchIndex::for_services(&s, &Thesaurus::builtin());
        // Initials at word starts rank above a scattered match.
        assert_eq!(names(&s, &idx.search("nfp"))[0], "Northside Food Pantry");
        assert_eq!(names(&s, &idx.search("ŁÓDŹ")), ["Łódź Polish Club"]);
        assert_eq!(idx.search("").len(), 4);
    }

    #[test]
    fn highlight_marks_matched_chars() {
        assert_eq!(
            highlight("Northside Food Hub", "food", &Thesaurus::builtin()),
            vec![10, 11, 12, 13]
        );
        // A prefix marks what was typed; a stem or synonym the whole word.
        assert_eq!(
            highlight("Knitting", "knit", &Thesaurus::builtin()),
            vec![0, 1, 2, 3]
        );
        assert_eq!(
            highlight("Lonely", "loneliness", &Thesaurus::builtin()),
            vec![0, 1, 2, 3, 4, 5]
        );
        assert_eq!(
            highlight("a befriending", "lonely", &Thesaurus::builtin()),
            (2..10).collect::<Vec<_>>()
        );
        assert_eq!(
            highlight("Men's Shed", "mens", &Thesaurus::builtin()),
            vec![0, 1, 2, 4]
        );
        assert_eq!(highlight("Łódź", "łd", &Thesaurus::builtin()), vec![0, 2]);
        assert!(highlight("abc", "xyz", &Thesaurus::builtin()).is_empty());
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
        let mut searcher = Searcher::new(SearchIndex::for_services(&s, &Thesaurus::builtin()));
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
        let fresh = SearchIndex::for_services(&s, &Thesaurus::builtin());
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
        let full = SearchIndex::for_services(&services, &Thesaurus::builtin());
        let mut searcher =
            Searcher::new(SearchIndex::for_services(&services, &Thesaurus::builtin()));
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
