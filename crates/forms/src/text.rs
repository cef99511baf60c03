//! Text normalisation and the tiny allowed-characters matcher.
//!
//! Normalise, then validate: people type full-width digits (`１２３`), ideographic spaces and
//! Chinese colons into number, date and code fields. Free text keeps its full-width
//! punctuation (`，` is the normal Chinese comma), so half-width folding is only applied where a
//! field's type or schema asks for it.

use std::borrow::Cow;

/// Folds one full-width ASCII variant (U+FF01..=U+FF5E) or the ideographic space to ASCII.
fn half_width_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Trims (Unicode whitespace, including the ideographic space) and, if `fold`, folds
/// full-width ASCII to half-width. Borrows when nothing changes, which is the common case.
///
/// ```
/// use homecare_forms::normalize_text;
/// assert_eq!(normalize_text(" １３８ ", true), "138");
/// assert_eq!(normalize_text("你好，世界", false), "你好，世界");
/// ```
pub fn normalize_text(s: &str, fold: bool) -> Cow<'_, str> {
    let trimmed = trim(s);
    if fold && trimmed.chars().any(|c| half_width_char(c) != c) {
        let folded: String = trimmed.chars().map(half_width_char).collect();
        // Folding can expose ASCII spaces at the ends (U+3000 inside was trimmed already).
        let t = folded.trim();
        if t.len() == folded.len() {
            Cow::Owned(folded)
        } else {
            Cow::Owned(t.to_owned())
        }
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// `s.trim()`, settled by the first and last character in the common untrimmed case.
pub(crate) fn trim(s: &str) -> &str {
    match (s.chars().next(), s.chars().next_back()) {
        (Some(a), Some(z)) if !a.is_whitespace() && !z.is_whitespace() => s,
        _ => s.trim(),
    }
}

/// One item of an allowed-characters set.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Range(char, char),
    /// CJK ideographs (`\p{Han}`): the unified blocks and extension A..F, plus `〇`.
    Han,
}

/// An allowed-characters set, written like the inside of a regex bracket: `0-9A-Za-z`,
/// `\d` (ASCII digits), `\s` (space), `\p{Han}` (Chinese characters), `\-` `\\` `\]` for
/// literals. No regex engine: a field either uses only these characters or gets
/// `string.invalid_char` naming the first offending one.
///
/// ```
/// use homecare_forms::CharSet;
/// let set = CharSet::parse(r"\p{Han}a-z·").unwrap();
/// assert_eq!(set.first_outside("张三"), None);
/// assert_eq!(set.first_outside("张3"), Some('3'));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharSet {
    items: Vec<Item>,
    source: String,
}

impl CharSet {
    /// Parses a set; `None` if it is empty or malformed (a dangling `\`, a reversed range, an
    /// unknown escape).
    pub fn parse(spec: &str) -> Option<Self> {
        let mut items = Vec::new();
        let mut chars = spec.chars().peekable();
        while let Some(c) = chars.next() {
            let lo = if c == '\\' {
                match chars.next()? {
                    'd' => {
                        items.push(Item::Range('0', '9'));
                        continue;
                    }
                    's' => {
                        items.push(Item::Range(' ', ' '));
                        continue;
                    }
                    'p' => {
                        let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                        if name != "{Han" {
                            return None;
                        }
                        items.push(Item::Han);
                        continue;
                    }
                    e @ ('-' | '\\' | ']' | '[' | '^') => e,
                    _ => return None,
                }
            } else {
                c
            };
            if chars.peek() == Some(&'-') {
                let mut ahead = chars.clone();
                ahead.next();
                if let Some(hi) = ahead.next() {
                    let hi = if hi == '\\' { ahead.next()? } else { hi };
                    if hi < lo {
                        return None;
                    }
                    items.push(Item::Range(lo, hi));
                    chars = ahead;
                    continue;
                }
            }
            items.push(Item::Range(lo, lo));
        }
        (!items.is_empty()).then(|| CharSet {
            items,
            source: spec.to_owned(),
        })
    }

    /// Whether `c` is allowed.
    pub fn contains(&self, c: char) -> bool {
        self.items.iter().any(|item| match item {
            Item::Range(lo, hi) => (*lo..=*hi).contains(&c),
            Item::Han => is_han(c),
        })
    }

    /// The first character of `s` outside the set.
    pub fn first_outside(&self, s: &str) -> Option<char> {
        s.chars().find(|c| !self.contains(*c))
    }

    /// The set as written in the schema.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// CJK ideographs: URO, extension A, extensions B..F, compatibility ideographs, and `〇`.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{20000}'..='\u{2EBEF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{3007}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(normalize_text("\u{3000}Ａｂ：１\u{3000}", true), "Ab:1");
        assert!(matches!(normalize_text("abc", true), Cow::Borrowed("abc")));
        assert_eq!(normalize_text("\u{FF0C} x", true), ", x");
    }

    #[test]
    fn sets() {
        let s = CharSet::parse(r"0-9a-f\-").unwrap();
        assert!(s.contains('-') && s.contains('c') && !s.contains('g'));
        let dash_last = CharSet::parse("a-").unwrap();
        assert!(dash_last.contains('-') && dash_last.contains('a'));
        assert!(CharSet::parse("z-a").is_none());
        assert!(CharSet::parse(r"\q").is_none());
        assert!(CharSet::parse(r"\").is_none());
        assert!(CharSet::parse(r"\p{Latin}").is_none());
        assert!(CharSet::parse("").is_none());
        let d = CharSet::parse(r"\d\s").unwrap();
        assert_eq!(d.first_outside("12 3x"), Some('x'));
        assert_eq!(d.source(), r"\d\s");
    }
}
