//! Optional equality-monitoring fields of a person: sex, ethnicity (ONS 2021
//! census groups), carer status and GP practice (ODS code). Each may be "not
//! recorded" (stored as NULL) or "prefer not to say". They are reported only
//! as counts (`by_sex`, ...), never per person.

/// Shown and reported for a field left empty.
pub const NOT_RECORDED: &str = "not recorded";
/// The person chose not to answer: a value of its own, counted apart.
pub const PREFER_NOT_TO_SAY: &str = "prefer not to say";

/// Sex, as the 2021 census asks it.
pub const SEXES: [&str; 3] = ["female", "male", PREFER_NOT_TO_SAY];

/// Whether the person looks after or supports someone (unpaid carer).
pub const CARER: [&str; 3] = ["yes", "no", PREFER_NOT_TO_SAY];

/// The ONS 2021 census ethnic groups (England and Wales): each high-level
/// group with its categories. A category or a group name (when only that is
/// known) is stored as written here.
pub const ETHNIC_GROUPS: [(&str, &[&str]); 5] = [
    (
        "Asian, Asian British or Asian Welsh",
        &[
            "Bangladeshi",
            "Chinese",
            "Indian",
            "Pakistani",
            "Other Asian",
        ],
    ),
    (
        "Black, Black British, Black Welsh, Caribbean or African",
        &["African", "Caribbean", "Other Black"],
    ),
    (
        "Mixed or Multiple ethnic groups",
        &[
            "White and Asian",
            "White and Black African",
            "White and Black Caribbean",
            "Other Mixed or Multiple ethnic groups",
        ],
    ),
    (
        "White",
        &[
            "English, Welsh, Scottish, Northern Irish or British",
            "Irish",
            "Gypsy or Irish Traveller",
            "Roma",
            "Other White",
        ],
    ),
    ("Other ethnic group", &["Arab", "Any other ethnic group"]),
];

/// Short names people type, for the categories with long ones.
const ETHNIC_ALIASES: [(&str, &str); 6] = [
    (
        "British",
        "English, Welsh, Scottish, Northern Irish or British",
    ),
    (
        "White British",
        "English, Welsh, Scottish, Northern Irish or British",
    ),
    ("Asian", "Asian, Asian British or Asian Welsh"),
    (
        "Black",
        "Black, Black British, Black Welsh, Caribbean or African",
    ),
    ("Mixed", "Mixed or Multiple ethnic groups"),
    ("Other", "Other ethnic group"),
];

fn blank(s: &str) -> bool {
    let t = s.trim();
    t.is_empty() || t.eq_ignore_ascii_case(NOT_RECORDED)
}

fn one_of(what: &str, s: &str, allowed: &[&str]) -> Result<Option<String>, String> {
    if blank(s) {
        return Ok(None);
    }
    let t = s.trim();
    allowed
        .iter()
        .find(|a| a.eq_ignore_ascii_case(t))
        .map(|a| Some(a.to_string()))
        .ok_or_else(|| format!("{what} should be {}, or left empty", allowed.join(", ")))
}

/// `female`, `male`, `prefer not to say`; empty or `not recorded` is none.
pub fn parse_sex(s: &str) -> Result<Option<String>, String> {
    one_of("sex", s, &SEXES)
}

/// `yes`, `no`, `prefer not to say`; empty or `not recorded` is none.
pub fn parse_carer(s: &str) -> Result<Option<String>, String> {
    one_of("carer", s, &CARER)
}

/// An ONS 2021 category ("Indian"), a group name ("White"), a short name
/// ("British"), or `prefer not to say`, in any case; stored as the ONS wording.
pub fn parse_ethnicity(s: &str) -> Result<Option<String>, String> {
    if blank(s) {
        return Ok(None);
    }
    let t = s.trim();
    let same = |a: &str| a.eq_ignore_ascii_case(t);
    if same(PREFER_NOT_TO_SAY) {
        return Ok(Some(PREFER_NOT_TO_SAY.into()));
    }
    if let Some((_, to)) = ETHNIC_ALIASES.iter().find(|(a, _)| same(a)) {
        return Ok(Some(to.to_string()));
    }
    ETHNIC_GROUPS
        .iter()
        .flat_map(|(group, cats)| std::iter::once(*group).chain(cats.iter().copied()))
        .find(|n| same(n))
        .map(|n| Some(n.to_string()))
        .ok_or_else(|| {
            "ethnicity should be an ONS 2021 group or category (e.g. Indian, Irish, African, White), prefer not to say, or left empty".into()
        })
}

/// The high-level group a stored ethnicity belongs to (reports count by
/// group, so small categories do not single anyone out); `prefer not to say`
/// and anything unknown stay as they are.
pub fn ethnic_group(stored: &str) -> &str {
    ETHNIC_GROUPS
        .iter()
        .find(|(group, cats)| *group == stored || cats.contains(&stored))
        .map_or(stored, |(group, _)| group)
}

/// A GP practice's ODS code: a letter then five digits (`B82005`), any case,
/// stored upper case; or `prefer not to say`; empty is none.
pub fn parse_gp_practice(s: &str) -> Result<Option<String>, String> {
    if blank(s) {
        return Ok(None);
    }
    let t = s.trim();
    if t.eq_ignore_ascii_case(PREFER_NOT_TO_SAY) {
        return Ok(Some(PREFER_NOT_TO_SAY.into()));
    }
    let code = t.to_ascii_uppercase();
    let b = code.as_bytes();
    if b.len() == 6 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit) {
        Ok(Some(code))
    } else {
        Err("GP practice should be its ODS code: a letter and five digits, e.g. B82005".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_and_stored_in_one_spelling() {
        assert_eq!(parse_sex(" Female ").unwrap().as_deref(), Some("female"));
        assert_eq!(parse_sex("").unwrap(), None);
        assert_eq!(parse_sex("Not recorded").unwrap(), None);
        assert_eq!(
            parse_sex("PREFER NOT TO SAY").unwrap().as_deref(),
            Some(PREFER_NOT_TO_SAY)
        );
        assert!(parse_sex("f").is_err());
        assert_eq!(parse_carer("yes").unwrap().as_deref(), Some("yes"));
        assert!(parse_carer("sometimes").is_err());
    }

    #[test]
    fn ethnicity_takes_ons_categories_groups_and_short_names() {
        assert_eq!(
            parse_ethnicity("indian").unwrap().as_deref(),
            Some("Indian")
        );
        assert_eq!(parse_ethnicity("White").unwrap().as_deref(), Some("White"));
        assert_eq!(
            parse_ethnicity("british").unwrap().as_deref(),
            Some("English, Welsh, Scottish, Northern Irish or British")
        );
        assert!(parse_ethnicity("Martian").is_err());
        assert_eq!(
            ethnic_group("Indian"),
            "Asian, Asian British or Asian Welsh"
        );
        assert_eq!(ethnic_group("White"), "White");
        assert_eq!(ethnic_group("Roma"), "White");
        assert_eq!(ethnic_group(PREFER_NOT_TO_SAY), PREFER_NOT_TO_SAY);
        let n: usize = ETHNIC_GROUPS.iter().map(|g| g.1.len()).sum();
        assert_eq!(n, 19, "the 2021 census has 19 categories");
    }

    #[test]
    fn ods_codes_are_a_letter_and_five_digits() {
        assert_eq!(
            parse_gp_practice(" b82005 ").unwrap().as_deref(),
            Some("B82005")
        );
        for bad in ["B8200", "882005", "B82005X", "BB2005", "B82 005"] {
            assert!(parse_gp_practice(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_gp_practice("").unwrap(), None);
    }
}
