//! The locales the catalog speaks.

/// A message locale. zh-CN is the default: the app's users read Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Simplified Chinese, written for an elderly reader.
    #[default]
    ZhCn,
    /// English, for developers and logs.
    En,
}

impl Locale {
    /// Parses a BCP 47 tag as the JS layer passes it; unknown tags are `None` so the caller
    /// can report misuse instead of silently falling back.
    ///
    /// ```
    /// use homecare_core::Locale;
    /// assert_eq!(Locale::parse("en"), Some(Locale::En));
    /// assert_eq!(Locale::parse("zh-CN"), Some(Locale::ZhCn));
    /// assert_eq!(Locale::parse("fr"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Self> {
        match tag {
            "zh-CN" | "zh" | "zh-Hans" | "zh-Hans-CN" => Some(Locale::ZhCn),
            "en" | "en-US" | "en-GB" => Some(Locale::En),
            _ => None,
        }
    }

    /// The canonical tag.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}
