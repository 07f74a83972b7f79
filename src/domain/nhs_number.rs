//! NHS numbers: ten digits, the last a modulus-11 check digit.

use std::fmt;

/// A validated NHS number, stored as ten digits and shown as 3-3-4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NhsNumber(String);

impl NhsNumber {
    /// Accepts digits with optional spaces or dashes ("943 476 5919").
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err("NHS number must contain only digits");
        }
        if digits.len() != 10 {
            return Err("NHS number must have 10 digits");
        }
        let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
        let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
        let check = match 11 - (sum % 11) {
            11 => 0,
            10 => return Err("not a valid NHS number (check digit)"),
            c => c,
        };
        if check != d[9] {
            return Err("not a valid NHS number (check digit)");
        }
        Ok(Self(digits))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NhsNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.0;
        write!(f, "{} {} {}", &s[..3], &s[3..6], &s[6..])
    }
}

/// Formats stored digits as 3-3-4, leaving anything unexpected untouched.
pub fn display(digits: &str) -> String {
    NhsNumber::parse(digits)
        .map(|n| n.to_string())
        .unwrap_or_else(|_| digits.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_with_spaces_and_formats_3_3_4() {
        let n = NhsNumber::parse("943 476 5919").unwrap();
        assert_eq!(n.digits(), "9434765919");
        assert_eq!(n.to_string(), "943 476 5919");
    }

    #[test]
    fn check_digit_eleven_becomes_zero() {
        // 100 000 006: weighted sum 22, 11 - 0 = 11 -> check digit 0.
        assert!(NhsNumber::parse("1000000060").is_ok());
    }

    #[test]
    fn rejects_bad_input() {
        assert!(NhsNumber::parse("9434765918").is_err()); // wrong check digit
        assert!(NhsNumber::parse("943476591").is_err()); // 9 digits
        assert!(NhsNumber::parse("94347659199").is_err()); // 11 digits
        assert!(NhsNumber::parse("94347659x9").is_err());
        assert!(NhsNumber::parse("").is_err());
        // Weighted sum leaves remainder 1 -> check 10 -> never valid.
        assert!(NhsNumber::parse("1000000010").is_err());
        assert!(NhsNumber::parse("1000000011").is_err());
    }
}
