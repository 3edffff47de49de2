//! What the synthetic records are made of: exercise series, platforms,
//! patrol routes, publishers. Loosely modelled on real series and routes so
//! that the data has the shape of a real collection; the events themselves
//! are invented.

use jointwatch::{Domain, PlatformRole, Reliability};

/// A recurring exercise series and who usually takes part.
pub(crate) struct SeriesTemplate {
    pub name: &'static str,
    /// States that always take part.
    pub core: &'static [&'static str],
    /// States that sometimes join.
    pub extras: &'static [&'static str],
    /// Who may host; empty when no host is reported.
    pub hosts: &'static [&'static str],
    pub domains: &'static [Domain],
    /// Gazetteer area ids (checked against `jointwatch::gazetteer()`).
    pub areas: &'static [&'static str],
    pub first_year: i16,
    /// Relative frequency.
    pub weight: u32,
    /// Rough size: 0 small, 1 medium, 2 strategic (tens of thousands of troops).
    pub scale: u8,
}

use Domain::*;

pub(crate) const SERIES: &[SeriesTemplate] = &[
    SeriesTemplate {
        name: "Joint Sea",
        core: &["CHN", "RUS"],
        extras: &[],
        hosts: &["CHN", "RUS"],
        domains: &[Naval, AntiSubmarine, Air],
        areas: &[
            "sea-of-japan",
            "east-china-sea",
            "yellow-sea",
            "south-china-sea",
            "mediterranean-sea",
            "baltic-sea",
            "sea-of-okhotsk",
        ],
        first_year: 2005,
        weight: 14,
        scale: 1,
    },
    SeriesTemplate {
        name: "Northern/Interaction",
        core: &["CHN", "RUS"],
        extras: &[],
        hosts: &["CHN", "RUS"],
        domains: &[Naval, Air],
        areas: &["sea-of-japan", "sea-of-okhotsk"],
        first_year: 2019,
        weight: 8,
        scale: 1,
    },
    SeriesTemplate {
        name: "Peace Mission",
        core: &["CHN", "RUS"],
        extras: &["KAZ", "KGZ", "TJK", "UZB", "IND", "PAK"],
        hosts: &["CHN", "RUS", "KAZ", "KGZ"],
        domains: &[Land, Air, CounterTerrorism],
        areas: &["central-asia"],
        first_year: 2005,
        weight: 6,
        scale: 1,
    },
    SeriesTemplate {
        name: "Vostok",
        core: &["RUS", "CHN"],
        extras: &["MNG", "IND", "BLR", "TJK", "LAO", "NIC"],
        hosts: &["RUS"],
        domains: &[Land, Air, Naval, Command],
        areas: &["sea-of-japan", "sea-of-okhotsk", "northeast-asia"],
        first_year: 2010,
        weight: 4,
        scale: 2,
    },
    SeriesTemplate {
        name: "Tsentr",
        core: &["RUS", "CHN"],
        extras: &["IND", "PAK", "KAZ", "KGZ", "TJK", "UZB"],
        hosts: &["RUS"],
        domains: &[Land, Air, Command],
        areas: &["central-asia"],
        first_year: 2011,
        weight: 3,
        scale: 2,
    },
    SeriesTemplate {
        name: "Ocean",
        core: &["RUS", "CHN"],
        extras: &[],
        hosts: &["RUS"],
        domains: &[Naval, Air, AntiSubmarine],
        areas: &[
            "pacific-ocean",
            "sea-of-japan",
            "sea-of-okhotsk",
            "arctic-ocean",
            "baltic-sea",
            "barents-sea",
        ],
        first_year: 2010,
        weight: 3,
        scale: 2,
    },
    SeriesTemplate {
        name: "Maritime Security Belt",
        core: &["IRN", "RUS", "CHN"],
        extras: &["PAK", "AZE", "OMN"],
        hosts: &["IRN"],
        domains: &[Naval, CounterTerrorism],
        areas: &["gulf-of-oman", "arabian-sea", "indian-ocean"],
        first_year: 2019,
        weight: 3,
        scale: 0,
    },
    SeriesTemplate {
        name: "Aerospace Security",
        core: &["CHN", "RUS"],
        extras: &[],
        hosts: &["CHN", "RUS"],
        domains: &[MissileDefence, Command],
        areas: &[],
        first_year: 2016,
        weight: 2,
        scale: 0,
    },
    SeriesTemplate {
        name: "West/Interaction",
        core: &["CHN", "RUS"],
        extras: &[],
        hosts: &["CHN"],
        domains: &[Land, Air, ElectronicWarfare],
        areas: &["east-asia"],
        first_year: 2021,
        weight: 2,
        scale: 1,
    },
    SeriesTemplate {
        name: "Joint Cyber Staff Exercise",
        core: &["CHN", "RUS"],
        extras: &["BLR"],
        hosts: &["CHN", "RUS"],
        domains: &[Cyber, Space, Command],
        areas: &[],
        first_year: 2018,
        weight: 1,
        scale: 0,
    },
    SeriesTemplate {
        name: "Indra",
        core: &["IND", "RUS"],
        extras: &[],
        hosts: &["IND", "RUS"],
        domains: &[Land, Naval],
        areas: &["bay-of-bengal", "arabian-sea", "baltic-sea"],
        first_year: 2003,
        weight: 3,
        scale: 0,
    },
    SeriesTemplate {
        name: "Shaheen",
        core: &["CHN", "PAK"],
        extras: &[],
        hosts: &["CHN", "PAK"],
        domains: &[Air],
        areas: &["central-asia"],
        first_year: 2011,
        weight: 2,
        scale: 0,
    },
    SeriesTemplate {
        name: "Malabar",
        core: &["IND", "USA"],
        extras: &["JPN", "AUS"],
        hosts: &["IND", "USA", "JPN", "AUS"],
        domains: &[Naval, AntiSubmarine, Air],
        areas: &[
            "bay-of-bengal",
            "arabian-sea",
            "philippine-sea",
            "western-pacific",
        ],
        first_year: 1995,
        weight: 4,
        scale: 1,
    },
    SeriesTemplate {
        name: "RIMPAC",
        core: &["USA", "JPN", "KOR", "AUS", "CAN"],
        extras: &[
            "GBR", "FRA", "IND", "CHL", "MEX", "NZL", "SGP", "IDN", "MYS", "PHL", "PER",
        ],
        hosts: &["USA"],
        domains: &[Naval, Amphibious, AntiSubmarine, Air],
        areas: &["pacific-ocean"],
        first_year: 1995,
        weight: 2,
        scale: 2,
    },
    SeriesTemplate {
        name: "Keen Sword",
        core: &["JPN", "USA"],
        extras: &["AUS", "CAN", "GBR"],
        hosts: &["JPN"],
        domains: &[Naval, Air, Land, Amphibious],
        areas: &[
            "sea-of-japan",
            "philippine-sea",
            "east-china-sea",
            "pacific-ocean",
        ],
        first_year: 1995,
        weight: 4,
        scale: 2,
    },
    SeriesTemplate {
        name: "Freedom Edge",
        core: &["USA", "JPN", "KOR"],
        extras: &[],
        hosts: &["USA", "JPN", "KOR"],
        domains: &[Naval, Air, Cyber, MissileDefence],
        areas: &["east-china-sea", "sea-of-japan", "korean-peninsula"],
        first_year: 2016,
        weight: 3,
        scale: 0,
    },
    SeriesTemplate {
        name: "Ulchi Freedom Shield",
        core: &["USA", "KOR"],
        extras: &["GBR", "AUS", "CAN"],
        hosts: &["KOR"],
        domains: &[Command, Land, Air, Cyber],
        areas: &["korean-peninsula"],
        first_year: 1995,
        weight: 4,
        scale: 2,
    },
    SeriesTemplate {
        name: "Talisman Sabre",
        core: &["AUS", "USA"],
        extras: &["JPN", "KOR", "GBR", "CAN", "NZL", "FRA", "IDN"],
        hosts: &["AUS"],
        domains: &[Land, Naval, Amphibious, Air],
        areas: &["coral-sea"],
        first_year: 2005,
        weight: 2,
        scale: 2,
    },
    SeriesTemplate {
        name: "Balikatan",
        core: &["PHL", "USA"],
        extras: &["AUS", "JPN", "FRA"],
        hosts: &["PHL"],
        domains: &[Amphibious, Land, Naval, MissileDefence],
        areas: &["south-china-sea", "luzon-strait"],
        first_year: 1995,
        weight: 3,
        scale: 1,
    },
    SeriesTemplate {
        name: "Cope North",
        core: &["USA", "JPN"],
        extras: &["AUS", "FRA", "IND"],
        hosts: &["USA"],
        domains: &[Air, Logistics],
        areas: &["western-pacific"],
        first_year: 1995,
        weight: 3,
        scale: 0,
    },
    SeriesTemplate {
        name: "Strait Thunder",
        core: &["CHN"],
        extras: &[],
        hosts: &["CHN"],
        domains: &[Naval, Air, MissileDefence],
        areas: &["taiwan-strait", "east-china-sea"],
        first_year: 2016,
        weight: 3,
        scale: 1,
    },
    SeriesTemplate {
        name: "Grom",
        core: &["RUS"],
        extras: &[],
        hosts: &["RUS"],
        domains: &[Command, MissileDefence, Naval],
        areas: &["barents-sea", "arctic-ocean", "sea-of-okhotsk"],
        first_year: 2005,
        weight: 2,
        scale: 1,
    },
];

/// States that watch exercises without taking part.
pub(crate) const OBSERVERS: &[&str] = &["BLR", "IRN", "MNG", "VNM", "THA", "BRA", "ZAF", "EGY"];

/// Equipment named in exercise reports.
pub(crate) const EQUIPMENT: &[&str] = &[
    "T-72B3 tank",
    "Type 99A tank",
    "S-400 launcher",
    "HQ-9 launcher",
    "PHL-03 rocket launcher",
    "BM-30 Smerch launcher",
    "Ka-52 helicopter",
    "Z-10 helicopter",
    "M1A2 tank",
    "HIMARS launcher",
];

/// A platform type that flies or sails on joint patrols.
pub(crate) struct PlatformType {
    pub model: &'static str,
    pub country: &'static str,
    pub role: PlatformRole,
    /// Usual number sent.
    pub count: (i64, i64),
}

const fn pt(
    model: &'static str,
    country: &'static str,
    role: PlatformRole,
    count: (i64, i64),
) -> PlatformType {
    PlatformType {
        model,
        country,
        role,
        count,
    }
}

pub(crate) const AIR_PLATFORMS: &[PlatformType] = &[
    pt("H-6K", "CHN", PlatformRole::Bomber, (2, 4)),
    pt("H-6N", "CHN", PlatformRole::Bomber, (2, 2)),
    pt("Tu-95MS", "RUS", PlatformRole::Bomber, (2, 2)),
    pt("J-16", "CHN", PlatformRole::Fighter, (2, 8)),
    pt("J-11", "CHN", PlatformRole::Fighter, (2, 6)),
    pt("Su-30SM", "RUS", PlatformRole::Fighter, (2, 4)),
    pt("Su-35S", "RUS", PlatformRole::Fighter, (2, 4)),
    pt("A-50", "RUS", PlatformRole::EarlyWarning, (1, 1)),
    pt("KJ-2000", "CHN", PlatformRole::EarlyWarning, (1, 1)),
    pt("Y-9", "CHN", PlatformRole::Reconnaissance, (1, 2)),
    pt("Il-78", "RUS", PlatformRole::Tanker, (1, 1)),
];

pub(crate) const NAVAL_PLATFORMS: &[PlatformType] = &[
    pt("Type 055 destroyer", "CHN", PlatformRole::Warship, (1, 2)),
    pt("Type 052D destroyer", "CHN", PlatformRole::Warship, (1, 3)),
    pt("Type 054A frigate", "CHN", PlatformRole::Warship, (1, 3)),
    pt(
        "Type 903A replenishment ship",
        "CHN",
        PlatformRole::Auxiliary,
        (1, 1),
    ),
    pt(
        "Udaloy-class destroyer",
        "RUS",
        PlatformRole::Warship,
        (1, 2),
    ),
    pt(
        "Steregushchiy-class corvette",
        "RUS",
        PlatformRole::Warship,
        (1, 3),
    ),
    pt(
        "Kilo-class submarine",
        "RUS",
        PlatformRole::Submarine,
        (1, 1),
    ),
    pt(
        "Arleigh Burke-class destroyer",
        "USA",
        PlatformRole::Warship,
        (1, 2),
    ),
    pt(
        "Murasame-class destroyer",
        "JPN",
        PlatformRole::Warship,
        (1, 2),
    ),
];

/// A patrol route: waypoints (longitude, latitude) and the areas it passes.
pub(crate) struct RouteTemplate {
    pub waypoints: &'static [(f64, f64)],
    pub areas: &'static [&'static str],
    /// States whose air-defence identification zone it usually enters.
    pub adiz: &'static [&'static str],
    pub naval: bool,
    pub weight: u32,
}

pub(crate) const ROUTES: &[RouteTemplate] = &[
    // Sea of Japan, Tsushima Strait, East China Sea, out past Miyako into the Pacific.
    RouteTemplate {
        waypoints: &[
            (134.0, 39.0),
            (130.5, 34.8),
            (127.5, 31.5),
            (125.8, 27.8),
            (126.9, 25.2),
            (130.5, 25.8),
        ],
        areas: &[
            "sea-of-japan",
            "tsushima-strait",
            "east-china-sea",
            "miyako-strait",
            "pacific-ocean",
        ],
        adiz: &["JPN", "KOR"],
        naval: false,
        weight: 5,
    },
    // East China Sea towards Shikoku and back.
    RouteTemplate {
        waypoints: &[(124.0, 30.5), (128.0, 29.5), (133.0, 31.0), (136.5, 32.0)],
        areas: &["east-china-sea", "pacific-ocean"],
        adiz: &["JPN"],
        naval: false,
        weight: 3,
    },
    // Down the Sea of Japan past Dokdo/Takeshima.
    RouteTemplate {
        waypoints: &[(136.0, 41.5), (133.5, 39.0), (131.8, 37.3), (130.0, 35.5)],
        areas: &["sea-of-japan", "korean-peninsula"],
        adiz: &["KOR", "JPN"],
        naval: false,
        weight: 3,
    },
    // Bering Sea towards Alaska, across the antimeridian.
    RouteTemplate {
        waypoints: &[(172.0, 62.0), (178.5, 61.0), (-175.5, 59.5), (-168.0, 57.0)],
        areas: &["bering-sea", "pacific-ocean"],
        adiz: &["USA"],
        naval: false,
        weight: 1,
    },
    // Round Japan by sea: Tsugaru Strait, down the Pacific side, Osumi Strait.
    RouteTemplate {
        waypoints: &[
            (132.0, 42.0),
            (140.4, 41.6),
            (144.5, 38.5),
            (141.5, 33.5),
            (131.0, 30.9),
            (127.5, 32.0),
            (129.6, 35.0),
        ],
        areas: &[
            "sea-of-japan",
            "tsugaru-strait",
            "pacific-ocean",
            "osumi-strait",
            "east-china-sea",
        ],
        adiz: &[],
        naval: true,
        weight: 3,
    },
    // Sea of Okhotsk and the Kurils.
    RouteTemplate {
        waypoints: &[(142.5, 46.5), (146.0, 48.0), (152.0, 49.5), (156.5, 51.0)],
        areas: &["soya-strait", "sea-of-okhotsk", "pacific-ocean"],
        adiz: &["JPN"],
        naval: true,
        weight: 2,
    },
    // South China Sea transit.
    RouteTemplate {
        waypoints: &[(110.0, 18.0), (114.0, 15.5), (118.0, 19.0), (121.0, 21.0)],
        areas: &["south-china-sea", "luzon-strait", "philippine-sea"],
        adiz: &[],
        naval: true,
        weight: 1,
    },
];

/// Who publishes, with the grading an analyst would usually give them.
pub(crate) const PUBLISHERS: &[(&str, Reliability, u8)] = &[
    ("Japan Ministry of Defense, Joint Staff", Reliability::A, 2),
    ("Republic of Korea Joint Chiefs of Staff", Reliability::B, 2),
    ("Taiwan Ministry of National Defense", Reliability::B, 2),
    ("Russian Ministry of Defence", Reliability::C, 3),
    ("Chinese Ministry of National Defense", Reliability::C, 3),
    ("Xinhua", Reliability::C, 3),
    ("TASS", Reliability::C, 3),
    ("Reuters", Reliability::B, 2),
    ("Associated Press", Reliability::B, 2),
    ("Kyodo News", Reliability::B, 2),
    ("Yonhap", Reliability::B, 2),
    ("USNI News", Reliability::B, 3),
    ("The Diplomat", Reliability::C, 3),
    ("IISS Military Balance", Reliability::A, 2),
    ("Regional blog", Reliability::E, 4),
    ("Social media post", Reliability::F, 6),
];

/// Short notes of the kind analysts leave.
pub(crate) const NOTES: &[&str] = &[
    "Announced by the host's defence ministry on the opening day.",
    "Dates from the closing ceremony report; the start is inferred from the announcement.",
    "Figures are the host's; the other side gave none.",
    "Japan expressed grave concern through diplomatic channels.",
    "Reported only by state media.",
    "Included live-fire drills and a joint command post.",
];

/// Free tags.
pub(crate) const TAGS: &[&str] = &[
    "annual",
    "live-fire",
    "command-post",
    "amphibious-landing",
    "first-participation",
    "simulation",
    "near-japan",
];

/// States that patrol jointly in pairs besides China and Russia: coast
/// guards and navies of the Indo-Pacific, Europe and the Americas, enough
/// pairs that two patrols by one pair in one area rarely overlap.
pub(crate) const PATROL_STATES: &[&str] = &[
    "USA", "JPN", "KOR", "AUS", "PHL", "IND", "FRA", "GBR", "CAN", "NZL", "SGP", "MYS", "IDN",
    "THA", "VNM", "DEU", "ITA", "NLD", "ESP", "NOR", "DNK", "SWE", "FIN", "POL", "TUR", "GRC",
    "PRT", "BEL", "BRA", "CHL", "PER", "MEX", "ZAF", "EGY", "SAU", "ARE", "PAK", "BGD", "LKA",
    "BRN",
];
