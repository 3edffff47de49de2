//! The ISO 3166-1 alpha-3 table the crate ships: every officially assigned code (249 entries).
//!
//! Names follow the ISO 3166-1 short English name style (e.g. "Korea, Republic of").

/// The alpha-3 codes, sorted so they can be binary-searched.
pub(crate) static CODES: &[[u8; 3]] = &[
    *b"ABW", *b"AFG", *b"AGO", *b"AIA", *b"ALA", *b"ALB", *b"AND", *b"ARE", *b"ARG", *b"ARM",
    *b"ASM", *b"ATA", *b"ATF", *b"ATG", *b"AUS", *b"AUT", *b"AZE", *b"BDI", *b"BEL", *b"BEN",
    *b"BES", *b"BFA", *b"BGD", *b"BGR", *b"BHR", *b"BHS", *b"BIH", *b"BLM", *b"BLR", *b"BLZ",
    *b"BMU", *b"BOL", *b"BRA", *b"BRB", *b"BRN", *b"BTN", *b"BVT", *b"BWA", *b"CAF", *b"CAN",
    *b"CCK", *b"CHE", *b"CHL", *b"CHN", *b"CIV", *b"CMR", *b"COD", *b"COG", *b"COK", *b"COL",
    *b"COM", *b"CPV", *b"CRI", *b"CUB", *b"CUW", *b"CXR", *b"CYM", *b"CYP", *b"CZE", *b"DEU",
    *b"DJI", *b"DMA", *b"DNK", *b"DOM", *b"DZA", *b"ECU", *b"EGY", *b"ERI", *b"ESH", *b"ESP",
    *b"EST", *b"ETH", *b"FIN", *b"FJI", *b"FLK", *b"FRA", *b"FRO", *b"FSM", *b"GAB", *b"GBR",
    *b"GEO", *b"GGY", *b"GHA", *b"GIB", *b"GIN", *b"GLP", *b"GMB", *b"GNB", *b"GNQ", *b"GRC",
    *b"GRD", *b"GRL", *b"GTM", *b"GUF", *b"GUM", *b"GUY", *b"HKG", *b"HMD", *b"HND", *b"HRV",
    *b"HTI", *b"HUN", *b"IDN", *b"IMN", *b"IND", *b"IOT", *b"IRL", *b"IRN", *b"IRQ", *b"ISL",
    *b"ISR", *b"ITA", *b"JAM", *b"JEY", *b"JOR", *b"JPN", *b"KAZ", *b"KEN", *b"KGZ", *b"KHM",
    *b"KIR", *b"KNA", *b"KOR", *b"KWT", *b"LAO", *b"LBN", *b"LBR", *b"LBY", *b"LCA", *b"LIE",
    *b"LKA", *b"LSO", *b"LTU", *b"LUX", *b"LVA", *b"MAC", *b"MAF", *b"MAR", *b"MCO", *b"MDA",
    *b"MDG", *b"MDV", *b"MEX", *b"MHL", *b"MKD", *b"MLI", *b"MLT", *b"MMR", *b"MNE", *b"MNG",
    *b"MNP", *b"MOZ", *b"MRT", *b"MSR", *b"MTQ", *b"MUS", *b"MWI", *b"MYS", *b"MYT", *b"NAM",
    *b"NCL", *b"NER", *b"NFK", *b"NGA", *b"NIC", *b"NIU", *b"NLD", *b"NOR", *b"NPL", *b"NRU",
    *b"NZL", *b"OMN", *b"PAK", *b"PAN", *b"PCN", *b"PER", *b"PHL", *b"PLW", *b"PNG", *b"POL",
    *b"PRI", *b"PRK", *b"PRT", *b"PRY", *b"PSE", *b"PYF", *b"QAT", *b"REU", *b"ROU", *b"RUS",
    *b"RWA", *b"SAU", *b"SDN", *b"SEN", *b"SGP", *b"SGS", *b"SHN", *b"SJM", *b"SLB", *b"SLE",
    *b"SLV", *b"SMR", *b"SOM", *b"SPM", *b"SRB", *b"SSD", *b"STP", *b"SUR", *b"SVK", *b"SVN",
    *b"SWE", *b"SWZ", *b"SXM", *b"SYC", *b"SYR", *b"TCA", *b"TCD", *b"TGO", *b"THA", *b"TJK",
    *b"TKL", *b"TKM", *b"TLS", *b"TON", *b"TTO", *b"TUN", *b"TUR", *b"TUV", *b"TWN", *b"TZA",
    *b"UGA", *b"UKR", *b"UMI", *b"URY", *b"USA", *b"UZB", *b"VAT", *b"VCT", *b"VEN", *b"VGB",
    *b"VIR", *b"VNM", *b"VUT", *b"WLF", *b"WSM", *b"YEM", *b"ZAF", *b"ZMB", *b"ZWE",
];

/// The short English names, in the order of [`CODES`]. A table of its own so
/// that a build which never names a country (the WebAssembly module) leaves
/// the names out.
pub(crate) static NAMES: &[&str] = &[
    "Aruba",
    "Afghanistan",
    "Angola",
    "Anguilla",
    "Åland Islands",
    "Albania",
    "Andorra",
    "United Arab Emirates",
    "Argentina",
    "Armenia",
    "American Samoa",
    "Antarctica",
    "French Southern Territories",
    "Antigua and Barbuda",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Burundi",
    "Belgium",
    "Benin",
    "Bonaire, Sint Eustatius and Saba",
    "Burkina Faso",
    "Bangladesh",
    "Bulgaria",
    "Bahrain",
    "Bahamas",
    "Bosnia and Herzegovina",
    "Saint Barthélemy",
    "Belarus",
    "Belize",
    "Bermuda",
    "Bolivia, Plurinational State of",
    "Brazil",
    "Barbados",
    "Brunei Darussalam",
    "Bhutan",
    "Bouvet Island",
    "Botswana",
    "Central African Republic",
    "Canada",
    "Cocos (Keeling) Islands",
    "Switzerland",
    "Chile",
    "China",
    "Côte d'Ivoire",
    "Cameroon",
    "Congo, The Democratic Republic of the",
    "Congo",
    "Cook Islands",
    "Colombia",
    "Comoros",
    "Cabo Verde",
    "Costa Rica",
    "Cuba",
    "Curaçao",
    "Christmas Island",
    "Cayman Islands",
    "Cyprus",
    "Czechia",
    "Germany",
    "Djibouti",
    "Dominica",
    "Denmark",
    "Dominican Republic",
    "Algeria",
    "Ecuador",
    "Egypt",
    "Eritrea",
    "Western Sahara",
    "Spain",
    "Estonia",
    "Ethiopia",
    "Finland",
    "Fiji",
    "Falkland Islands (Malvinas)",
    "France",
    "Faroe Islands",
    "Micronesia, Federated States of",
    "Gabon",
    "United Kingdom",
    "Georgia",
    "Guernsey",
    "Ghana",
    "Gibraltar",
    "Guinea",
    "Guadeloupe",
    "Gambia",
    "Guinea-Bissau",
    "Equatorial Guinea",
    "Greece",
    "Grenada",
    "Greenland",
    "Guatemala",
    "French Guiana",
    "Guam",
    "Guyana",
    "Hong Kong",
    "Heard Island and McDonald Islands",
    "Honduras",
    "Croatia",
    "Haiti",
    "Hungary",
    "Indonesia",
    "Isle of Man",
    "India",
    "British Indian Ocean Territory",
    "Ireland",
    "Iran, Islamic Republic of",
    "Iraq",
    "Iceland",
    "Israel",
    "Italy",
    "Jamaica",
    "Jersey",
    "Jordan",
    "Japan",
    "Kazakhstan",
    "Kenya",
    "Kyrgyzstan",
    "Cambodia",
    "Kiribati",
    "Saint Kitts and Nevis",
    "Korea, Republic of",
    "Kuwait",
    "Lao People's Democratic Republic",
    "Lebanon",
    "Liberia",
    "Libya",
    "Saint Lucia",
    "Liechtenstein",
    "Sri Lanka",
    "Lesotho",
    "Lithuania",
    "Luxembourg",
    "Latvia",
    "Macao",
    "Saint Martin (French part)",
    "Morocco",
    "Monaco",
    "Moldova, Republic of",
    "Madagascar",
    "Maldives",
    "Mexico",
    "Marshall Islands",
    "North Macedonia",
    "Mali",
    "Malta",
    "Myanmar",
    "Montenegro",
    "Mongolia",
    "Northern Mariana Islands",
    "Mozambique",
    "Mauritania",
    "Montserrat",
    "Martinique",
    "Mauritius",
    "Malawi",
    "Malaysia",
    "Mayotte",
    "Namibia",
    "New Caledonia",
    "Niger",
    "Norfolk Island",
    "Nigeria",
    "Nicaragua",
    "Niue",
    "Netherlands",
    "Norway",
    "Nepal",
    "Nauru",
    "New Zealand",
    "Oman",
    "Pakistan",
    "Panama",
    "Pitcairn",
    "Peru",
    "Philippines",
    "Palau",
    "Papua New Guinea",
    "Poland",
    "Puerto Rico",
    "Korea, Democratic People's Republic of",
    "Portugal",
    "Paraguay",
    "Palestine, State of",
    "French Polynesia",
    "Qatar",
    "Réunion",
    "Romania",
    "Russian Federation",
    "Rwanda",
    "Saudi Arabia",
    "Sudan",
    "Senegal",
    "Singapore",
    "South Georgia and the South Sandwich Islands",
    "Saint Helena, Ascension and Tristan da Cunha",
    "Svalbard and Jan Mayen",
    "Solomon Islands",
    "Sierra Leone",
    "El Salvador",
    "San Marino",
    "Somalia",
    "Saint Pierre and Miquelon",
    "Serbia",
    "South Sudan",
    "Sao Tome and Principe",
    "Suriname",
    "Slovakia",
    "Slovenia",
    "Sweden",
    "Eswatini",
    "Sint Maarten (Dutch part)",
    "Seychelles",
    "Syrian Arab Republic",
    "Turks and Caicos Islands",
    "Chad",
    "Togo",
    "Thailand",
    "Tajikistan",
    "Tokelau",
    "Turkmenistan",
    "Timor-Leste",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Türkiye",
    "Tuvalu",
    "Taiwan, Province of China",
    "Tanzania, United Republic of",
    "Uganda",
    "Ukraine",
    "United States Minor Outlying Islands",
    "Uruguay",
    "United States",
    "Uzbekistan",
    "Holy See (Vatican City State)",
    "Saint Vincent and the Grenadines",
    "Venezuela, Bolivarian Republic of",
    "Virgin Islands, British",
    "Virgin Islands, U.S.",
    "Viet Nam",
    "Vanuatu",
    "Wallis and Futuna",
    "Samoa",
    "Yemen",
    "South Africa",
    "Zambia",
    "Zimbabwe",
];

#[cfg(test)]
mod tests {
    use super::{CODES, NAMES};

    fn countries() -> Vec<(&'static str, &'static str)> {
        assert_eq!(CODES.len(), NAMES.len());
        CODES
            .iter()
            .map(|code| std::str::from_utf8(code).expect("ASCII"))
            .zip(NAMES.iter().copied())
            .collect()
    }

    #[test]
    fn has_all_officially_assigned_codes() {
        assert_eq!(countries().len(), 249);
    }

    #[test]
    fn strictly_sorted_by_code() {
        for pair in countries().windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} !< {}", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn codes_are_three_uppercase_ascii_letters() {
        for (code, name) in countries() {
            assert_eq!(code.len(), 3, "{code}");
            assert!(code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
            assert!(!name.trim().is_empty(), "{code} has an empty name");
        }
    }

    #[test]
    fn contains_key_codes() {
        for code in ["CHN", "RUS", "JPN", "KOR", "PRK", "USA", "TWN"] {
            assert!(
                CODES
                    .binary_search(&code.as_bytes().try_into().unwrap())
                    .is_ok(),
                "missing {code}"
            );
        }
    }

    #[test]
    fn excludes_unofficial_and_withdrawn_codes() {
        for code in ["XKX", "ANT"] {
            assert!(
                CODES
                    .binary_search(&code.as_bytes().try_into().unwrap())
                    .is_err(),
                "{code}"
            );
        }
    }
}
