//! Words as a link worker types them: folded, split, lightly stemmed, with
//! the small thesaurus of the field (lonely ~ isolation ~ befriending). Pure:
//! the directory search builds on it, and nothing here does I/O.

use std::collections::HashMap;

/// Lower-cases one char to one char, so folded text keeps char positions.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// `s` lower-cased with the accents of Latin letters taken off, so a name
/// typed on an English keyboard finds its person ("lukasz" finds Łukasz,
/// "zoe" Zoë). Letters outside the table are only lower-cased.
pub fn unaccented(s: &str) -> String {
    s.chars()
        .flat_map(|c| fold_char(c).to_lowercase())
        .map(base_letter)
        .collect()
}

fn base_letter(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// The words of `text`, folded, with the char position of each of their
/// letters in `text`. An apostrophe inside a word joins it ("Men's" is
/// `mens`, as people type it); anything else not a letter or digit splits.
pub fn words_with_positions(text: &str) -> Vec<(String, Vec<usize>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut at = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            word.push(fold_char(c));
            at.push(i);
        } else if is_apostrophe(c)
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
        {
            // Inside a word: skipped, not a break.
        } else if !word.is_empty() {
            out.push((std::mem::take(&mut word), std::mem::take(&mut at)));
        }
    }
    if !word.is_empty() {
        out.push((word, at));
    }
    out
}

/// The folded words of `text`.
pub fn words(text: &str) -> Vec<String> {
    words_with_positions(text)
        .into_iter()
        .map(|(w, _)| w)
        .collect()
}

/// A light English stem: enough that lonely and loneliness, walk and walking,
/// carer and carers meet, and no more (a heavy stemmer makes "caring" meet "car").
pub fn stem(word: &str) -> String {
    if !word.is_ascii() || word.len() <= 3 {
        return word.to_string();
    }
    let cut = |suffix: &str, keep: usize| -> Option<String> {
        let base = word.strip_suffix(suffix)?;
        (base.len() >= keep).then(|| base.to_string())
    };
    if let Some(base) = cut("iness", 3) {
        return format!("{base}y"); // loneliness -> lonely
    }
    if let Some(base) = cut("ness", 3) {
        return base;
    }
    if let Some(base) = cut("ies", 3) {
        return format!("{base}y"); // therapies -> therapy
    }
    if let Some(base) = cut("ing", 4) {
        return undouble(base); // walking -> walk, swimming -> swim
    }
    if let Some(base) = cut("ed", 4) {
        return undouble(base);
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_string(); // classes -> class
        }
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string(); // carers -> carer
    }
    word.to_string()
}

/// `swimm` -> `swim`; `fall`, `class` and `buzz` keep theirs.
fn undouble(base: String) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
        return base[..n - 1].to_string();
    }
    base
}

/// Words that say little about what someone needs ("people", "for", "help"):
/// a query's soft word adds to a match that has it but excludes none that
/// lacks it, unless the query holds nothing else.
pub fn is_soft(word: &str) -> bool {
    const SOFT: &[&str] = &[
        "a", "an", "and", "at", "for", "from", "group", "groups", "help", "i", "in", "local", "me",
        "my", "near", "of", "on", "or", "people", "person", "service", "services", "someone",
        "support", "the", "to", "who", "with",
    ];
    SOFT.contains(&word)
}

/// The built-in synonym groups, one per line; see the file for the format.
pub const SYNONYMS: &str = include_str!("synonyms.txt");

/// Groups of words and phrases that mean the same to a link worker. Each
/// alternative is a list of folded words; a group is found by the stems of
/// any of its alternatives.
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    groups: Vec<Vec<Vec<String>>>,
    by_stems: HashMap<String, Vec<usize>>,
    /// The most words in any alternative, for finding phrases in a query.
    longest: usize,
}

impl Thesaurus {
    /// The built-in list.
    pub fn builtin() -> Thesaurus {
        let mut t = Thesaurus::default();
        // The built-in file is checked by a test; a bad line in it is skipped.
        for line in SYNONYMS.lines() {
            let _ = t.add_line(line);
        }
        t
    }

    /// Adds one group written `lonely ~ isolation ~ befriending`. Blank lines
    /// and `#` comments are no group; a group needs two alternatives.
    pub fn add_line(&mut self, line: &str) -> Result<(), String> {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return Ok(());
        }
        let alts: Vec<Vec<String>> = line
            .split('~')
            .map(words)
            .filter(|w| !w.is_empty())
            .collect();
        if alts.len() < 2 {
            return Err(format!(
                "a synonym group needs two or more words or phrases separated by ~: {line:?}"
            ));
        }
        let id = self.groups.len();
        for alt in &alts {
            self.longest = self.longest.max(alt.len());
            let entry = self.by_stems.entry(stem_key(alt)).or_default();
            if !entry.contains(&id) {
                entry.push(id);
            }
        }
        self.groups.push(alts);
        Ok(())
    }

    /// Every alternative of every group holding `phrase` (folded words),
    /// `phrase` itself included.
    pub fn alternatives(&self, phrase: &[String]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = vec![phrase.to_vec()];
        if let Some(ids) = self.by_stems.get(&stem_key(phrase)) {
            for &id in ids {
                for alt in &self.groups[id] {
                    if !out.contains(alt) {
                        out.push(alt.clone());
                    }
                }
            }
        }
        out
    }

    /// Whether `phrase` (two or more words) is an alternative of some group.
    pub fn knows_phrase(&self, phrase: &[String]) -> bool {
        phrase.len() > 1 && self.by_stems.contains_key(&stem_key(phrase))
    }

    pub fn longest_phrase(&self) -> usize {
        self.longest
    }
}

fn stem_key(words: &[String]) -> String {
    words.iter().map(|w| stem(w)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_lose_their_accents_for_matching() {
        assert_eq!(
            super::unaccented("Łukasz Zoë Siobhán Ørsted Çelik"),
            "lukasz zoe siobhan orsted celik"
        );
        assert_eq!(super::unaccented("李小龍 Ann"), "李小龍 ann");
    }

    use super::*;

    #[test]
    fn stems_meet_where_a_link_worker_expects() {
        assert_eq!(stem("loneliness"), stem("lonely"));
        assert_eq!(stem("walking"), stem("walk"));
        assert_eq!(stem("walks"), "walk");
        assert_eq!(stem("carers"), stem("carer"));
        assert_eq!(stem("swimming"), "swim");
        assert_eq!(stem("therapies"), "therapy");
        assert_eq!(stem("classes"), "class");
        assert_ne!(stem("caring"), stem("car"));
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("łódź"), "łódź");
    }

    #[test]
    fn apostrophes_join_and_positions_point_into_the_text() {
        let w = words_with_positions("Old Town Men's Shed");
        assert_eq!(w[2], ("mens".to_string(), vec![9, 10, 11, 13]));
        assert_eq!(
            words("Blokes' Breakfast, 5k"),
            ["blokes", "breakfast", "5k"]
        );
    }

    #[test]
    fn the_builtin_thesaurus_parses_and_links_both_ways() {
        for line in SYNONYMS.lines() {
            Thesaurus::default().add_line(line).unwrap();
        }
        let t = Thesaurus::builtin();
        let alts = t.alternatives(&words("loneliness"));
        assert!(alts.contains(&words("befriend")), "{alts:?}");
        let alts = t.alternatives(&words("money advice"));
        assert!(alts.contains(&words("debt")), "{alts:?}");
        assert!(t.knows_phrase(&words("talking therapy")));
        assert!(Thesaurus::default().add_line("lonely").is_err());
    }
}
