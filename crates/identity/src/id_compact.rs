//! A single-string encoding of a parse result, so the JS layer crosses the wasm boundary with
//! one string instead of building an object field by field.
//!
//! # Format (version 1)
//!
//! Fields are separated by `|` (U+007C). No field can contain `|`: numbers are ASCII
//! alphanumerics, region names are Chinese text from the generated table (checked by a test
//! to hold no `|`), codes are dotted ASCII.
//!
//! **Success** — exactly 14 fields:
//!
//! | # | field | content |
//! |---|---|---|
//! | 0 | tag | `O` |
//! | 1 | kind | JS kind name, e.g. `resident`, `foreignPermanent2023` |
//! | 2 | normalized | canonical number |
//! | 3 | birthDate | `YYYY-MM-DD` or empty |
//! | 4 | sex | `male`, `female` or empty |
//! | 5 | age | decimal whole years or empty |
//! | 6 | region.code | six digits, or empty when region is null |
//! | 7 | region.province | name, empty when region is null |
//! | 8 | region.city | name, or empty when null |
//! | 9 | region.county | name, or empty when null |
//! | 10 | region.abolished | `1`, `0`, or empty when region is null |
//! | 11 | upgraded | 18-character form (resident15 only) or empty |
//! | 12 | nationality | nationality code or empty |
//! | 13 | warnings | warning codes joined by `,`, or empty |
//!
//! Example: `O|resident|11010519491231002X|1949-12-31|female|74|110105|北京市|北京市|朝阳区|0|||`
//!
//! **Failure** — `E` followed by one field per problem: the code, then each param as
//! `;name=value` (values of this crate's id codes are ASCII alphanumerics or kind names,
//! never `|`, `;` or `=`). The path is always `""` and is not encoded.
//!
//! Example: `E|id.checksum_mismatch;expected=X|id.province_unknown;code=99`
//!
//! A JS decoder: `const f = s.split('|'); if (f[0] === 'O') { … } else { errors = f.slice(1).map(p => { const [code, ...kv] = p.split(';'); … }) }`.
//! Int params (`actual`, `min`) should be turned back into numbers by name.

use core::fmt::Write;

use homecare_core::{Param, Problem};

use crate::id_number::{parse_id_number, ParseOptions, ParsedId};

impl ParsedId {
    /// The compact encoding (see the module docs of `id_compact` / [`parse_id_number_compact`]).
    ///
    /// ```
    /// use homecare_identity::{parse_id_number, Date, ParseOptions};
    /// let opts = ParseOptions::new(Date::parse("2024-06-01").unwrap());
    /// let id = parse_id_number("11010519491231002X", &opts).unwrap();
    /// # #[cfg(feature = "region-names")]
    /// assert_eq!(
    ///     id.to_compact(),
    ///     "O|resident|11010519491231002X|1949-12-31|female|74|110105|北京市|北京市|朝阳区|0|||"
    /// );
    /// ```
    pub fn to_compact(&self) -> String {
        let mut out = String::with_capacity(96);
        self.write_compact(&mut out);
        out
    }

    /// Appends the compact encoding to `out` (reuse one buffer across many parses).
    pub fn write_compact(&self, out: &mut String) {
        out.push_str("O|");
        out.push_str(self.kind.name());
        out.push('|');
        out.push_str(self.normalized.as_str());
        out.push('|');
        if let Some(d) = self.birth_date {
            let mut digits = [0u8; 8];
            d.write_compact_digits(&mut digits);
            let [y0, y1, y2, y3, m0, m1, d0, d1] = digits;
            for b in [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] {
                out.push(char::from(b));
            }
        }
        out.push('|');
        if let Some(s) = self.sex {
            out.push_str(s.name());
        }
        out.push('|');
        if let Some(a) = self.age {
            let _ = write!(out, "{a}");
        }
        out.push('|');
        match &self.region {
            Some(r) => {
                r.code
                    .digits()
                    .into_iter()
                    .for_each(|b| out.push(char::from(b)));
                for part in [r.province, r.city.unwrap_or(""), r.county.unwrap_or("")] {
                    out.push('|');
                    out.push_str(part);
                }
                out.push_str(if r.abolished { "|1" } else { "|0" });
            }
            None => out.push_str("||||"),
        }
        out.push('|');
        if let Some(u) = &self.upgraded {
            out.push_str(u.as_str());
        }
        out.push('|');
        if let Some(n) = &self.nationality {
            out.push_str(n.as_str());
        }
        out.push('|');
        for (i, code) in self.warnings.codes().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(code);
        }
    }
}

/// The failure encoding of `problems`: `E|code;name=value|…`.
///
/// ```
/// use homecare_core::Problem;
/// use homecare_identity::problems_to_compact;
/// let p = Problem::new("", "id.length").int("actual", 17);
/// assert_eq!(problems_to_compact(&[p]), "E|id.length;actual=17");
/// ```
pub fn problems_to_compact(problems: &[Problem]) -> String {
    let mut out = String::from("E");
    for p in problems {
        out.push('|');
        out.push_str(p.code);
        for (name, value) in &p.params {
            out.push(';');
            out.push_str(name);
            out.push('=');
            match value {
                Param::Text(t) => out.push_str(t),
                Param::Int(n) => {
                    let _ = write!(out, "{n}");
                }
            }
        }
    }
    out
}

/// [`parse_id_number`] with its result in the compact encoding (success or failure).
///
/// ```
/// use homecare_identity::{parse_id_number_compact, Date, ParseOptions};
/// let opts = ParseOptions::new(Date::parse("2024-06-01").unwrap());
/// assert_eq!(parse_id_number_compact("110105194912310021", &opts), "E|id.checksum_mismatch;expected=X");
/// assert!(parse_id_number_compact("12345678", &opts).starts_with("O|twTravelPermit|12345678|"));
/// ```
pub fn parse_id_number_compact(input: &str, options: &ParseOptions) -> String {
    match parse_id_number(input, options) {
        Ok(id) => id.to_compact(),
        Err(problems) => problems_to_compact(&problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;

    #[test]
    fn every_success_has_fourteen_fields() {
        let opts = ParseOptions::new(Date::parse("2025-01-01").unwrap());
        for input in [
            "610104620927690",
            "12345678",
            "932682198501010017",
            "KAZ110090123105",
        ] {
            let c = parse_id_number_compact(input, &opts);
            assert_eq!(c.split('|').count(), 14, "{c}");
        }
        let c = parse_id_number_compact("610104620927690", &opts);
        assert!(c.contains("|610104196209276908|"), "{c}");
    }
}
