//! The document kinds [`crate::parse_id_number`] recognises, and sets of them.

/// A kind of identity document number. Serialized names are the JS names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum IdKind {
    /// 居民身份证, 18 characters (GB 11643-1999).
    Resident,
    /// The legacy 15-digit resident number (19YYMMDD, no check digit).
    Resident15,
    /// 港澳台居民居住证 for Hong Kong residents: address code 810000.
    HkPermit,
    /// Residence permit for Macau residents: address code 820000.
    MoPermit,
    /// Residence permit for Taiwan residents: address code 830000.
    TwPermit,
    /// 外国人永久居留身份证, 2023 version (first digit 9 + acceptance province (2) +
    /// ISO 3166-1 numeric nationality (3) + YYYYMMDD + sequence (3, odd = male) + MOD 11-2).
    /// The "9" and the MOD 11-2 check are official (NIA 2023 text); the field split is
    /// confirmed by two independent implementations (hutool, CredentialKit), not by the
    /// official table.
    ForeignPermanent2023,
    /// 外国人永久居留身份证, 2017 version: 3 letters + 12 digits (official). The split used
    /// here is **unconfirmed** (from CredentialKit): ISO alpha-3 nationality (3) + acceptance
    /// place (4: province + city) + YYMMDD + sex digit (odd = male) + an ICAO 9303 7-3-1
    /// check digit. Because the check rule is unconfirmed, a mismatch is only the warning
    /// `id.checksum_unconfirmed`; the century of YYMMDD is guessed (20YY unless after asOf).
    ForeignPermanent2017,
    /// 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macau) + 8 digits, or + 10 with the
    /// 2-digit issue count. No check digit is known, so only the shape is checked.
    HkMoTravelPermit,
    /// 台湾居民来往大陆通行证 (台胞证): 8 digits, or 10 with the issue count. Shape only.
    TwTravelPermit,
    /// A Chinese passport, **loosely** checked: 9 characters, one letter + 8 digits (E, G,
    /// D, S, P, K, H…), two letters + 7 digits (EA…, DE, SE, PE, KJ, MA) or 14/15 + 7 digits.
    /// There is no check digit outside the machine-readable zone, so typos pass. `H` + 8
    /// digits is read as a 回乡证 unless only `passport` is allowed.
    Passport,
}

impl IdKind {
    /// Every kind, in the order shapes are tried.
    pub const ALL: [IdKind; 10] = [
        IdKind::ForeignPermanent2023,
        IdKind::HkPermit,
        IdKind::MoPermit,
        IdKind::TwPermit,
        IdKind::Resident,
        IdKind::Resident15,
        IdKind::ForeignPermanent2017,
        IdKind::HkMoTravelPermit,
        IdKind::TwTravelPermit,
        IdKind::Passport,
    ];

    /// The JS name (`"hkPermit"`).
    ///
    /// ```
    /// use homecare_identity::IdKind;
    /// assert_eq!(IdKind::ForeignPermanent2023.name(), "foreignPermanent2023");
    /// assert_eq!(IdKind::from_name("hkMoTravelPermit"), Some(IdKind::HkMoTravelPermit));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            IdKind::Resident => "resident",
            IdKind::Resident15 => "resident15",
            IdKind::HkPermit => "hkPermit",
            IdKind::MoPermit => "moPermit",
            IdKind::TwPermit => "twPermit",
            IdKind::ForeignPermanent2023 => "foreignPermanent2023",
            IdKind::ForeignPermanent2017 => "foreignPermanent2017",
            IdKind::HkMoTravelPermit => "hkMoTravelPermit",
            IdKind::TwTravelPermit => "twTravelPermit",
            IdKind::Passport => "passport",
        }
    }

    /// The position of the kind in [`IdKind::ALL`] (a match, not a search).
    ///
    /// ```
    /// use homecare_identity::IdKind;
    /// for (i, k) in IdKind::ALL.into_iter().enumerate() {
    ///     assert_eq!(k.index(), i);
    /// }
    /// ```
    pub fn index(self) -> usize {
        match self {
            IdKind::ForeignPermanent2023 => 0,
            IdKind::HkPermit => 1,
            IdKind::MoPermit => 2,
            IdKind::TwPermit => 3,
            IdKind::Resident => 4,
            IdKind::Resident15 => 5,
            IdKind::ForeignPermanent2017 => 6,
            IdKind::HkMoTravelPermit => 7,
            IdKind::TwTravelPermit => 8,
            IdKind::Passport => 9,
        }
    }

    /// The kind with JS name `name`.
    pub fn from_name(name: &str) -> Option<IdKind> {
        IdKind::ALL.into_iter().find(|k| k.name() == name)
    }

    fn bit(self) -> u16 {
        let index = match self {
            IdKind::Resident => 0,
            IdKind::Resident15 => 1,
            IdKind::HkPermit => 2,
            IdKind::MoPermit => 3,
            IdKind::TwPermit => 4,
            IdKind::ForeignPermanent2023 => 5,
            IdKind::ForeignPermanent2017 => 6,
            IdKind::HkMoTravelPermit => 7,
            IdKind::TwTravelPermit => 8,
            IdKind::Passport => 9,
        };
        1 << index
    }
}

/// A set of kinds (a bit mask: cheap to pass and copy).
///
/// ```
/// use homecare_identity::{IdKind, KindSet};
/// let set = KindSet::EMPTY.with(IdKind::Resident).with(IdKind::Resident15);
/// assert!(set.contains(IdKind::Resident15) && !set.contains(IdKind::Passport));
/// assert!(KindSet::ALL.contains(IdKind::Passport));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KindSet(u16);

impl KindSet {
    /// No kind.
    pub const EMPTY: KindSet = KindSet(0);
    /// Every kind.
    pub const ALL: KindSet = KindSet((1 << 10) - 1);

    /// This set plus `kind`.
    #[must_use]
    pub fn with(self, kind: IdKind) -> KindSet {
        KindSet(self.0 | kind.bit())
    }

    /// Whether `kind` is in the set.
    pub fn contains(self, kind: IdKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// The set named by JS kind names; `Err(name)` for the first unknown name.
    ///
    /// ```
    /// use homecare_identity::{IdKind, KindSet};
    /// assert!(KindSet::from_names(["resident", "twPermit"]).unwrap().contains(IdKind::TwPermit));
    /// assert_eq!(KindSet::from_names(["nope"]), Err("nope"));
    /// ```
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<KindSet, &'a str> {
        names.into_iter().try_fold(KindSet::EMPTY, |set, name| {
            IdKind::from_name(name).map(|k| set.with(k)).ok_or(name)
        })
    }
}

impl Default for KindSet {
    fn default() -> Self {
        KindSet::ALL
    }
}

impl FromIterator<IdKind> for KindSet {
    fn from_iter<I: IntoIterator<Item = IdKind>>(iter: I) -> Self {
        iter.into_iter().fold(KindSet::EMPTY, KindSet::with)
    }
}

impl<'de> serde::Deserialize<'de> for KindSet {
    /// From a list of JS kind names (`["resident", "hkPermit"]`); an unknown name is an error.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = <Vec<String>>::deserialize(d)?;
        KindSet::from_names(names.iter().map(String::as_str)).map_err(|name| {
            serde::de::Error::custom(format_args!("unknown document kind {name:?}"))
        })
    }
}
