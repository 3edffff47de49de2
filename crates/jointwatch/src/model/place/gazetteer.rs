//! Built-in gazetteer of named sea areas, straits, regions and airspace.
//!
//! Bounding boxes are deliberately coarse (whole or half degrees, finer for
//! narrow straits and small airspace): they are meant for "is this report
//! roughly about that area" matching, not for precise geometry. Every entry
//! says where its box comes from (`note`); all are drawn by hand and marked
//! `approximate`. None is taken from published coordinates: an ADIZ's box
//! holds the zone's rough extent, not its legal boundary.

/// One built-in named area.
pub(crate) struct GazetteerEntry {
    /// Stable id, kebab-case, e.g. "sea-of-japan".
    pub id: &'static str,
    /// Display name, e.g. "Sea of Japan".
    pub name: &'static str,
    /// Other names users may write, e.g. &["East Sea"].
    pub aliases: &'static [&'static str],
    /// "sea", "ocean", "strait", "region", "airspace", "territorialAirspace" or "adiz".
    pub kind: &'static str,
    /// Approximate bounding box [west, south, east, north] in degrees (WGS84 lon/lat); west may be > east when crossing the antimeridian.
    pub bbox: [f64; 4],
    /// Where the box comes from, and anything a reader of it should know.
    pub note: &'static str,
    /// Whether the box only approximates the area (true for every built-in box).
    pub approximate: bool,
}

/// The note of the boxes drawn round large seas, oceans and regions.
const COARSE: &str = "coarse box in whole or half degrees, drawn by hand round the area for rough \
                      matching, not for its edges; approximate";

/// The built-in named areas, sorted by `id`.
pub(crate) static GAZETTEER: &[GazetteerEntry] = &[
    GazetteerEntry {
        id: "alaska-adiz",
        name: "Alaska ADIZ",
        aliases: &["Alaskan ADIZ", "Alaska Air Defense Identification Zone"],
        kind: "adiz",
        bbox: [169.0, 50.0, -129.0, 73.0],
        note: "the Alaska part of the United States' air defence identification zone: box round its rough extent from a general map, not from its published coordinates; crosses the antimeridian (the Aleutians); approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "arabian-sea",
        name: "Arabian Sea",
        aliases: &[],
        kind: "sea",
        bbox: [50.0, 0.0, 77.0, 25.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "arctic-ocean",
        name: "Arctic Ocean",
        aliases: &["Arctic"],
        kind: "ocean",
        bbox: [-180.0, 66.5, 180.0, 90.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "asia-pacific",
        name: "Asia-Pacific",
        aliases: &["Asia Pacific", "APAC"],
        kind: "region",
        bbox: [60.0, -50.0, -150.0, 60.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "bab-el-mandeb",
        name: "Bab-el-Mandeb",
        aliases: &["Bab el-Mandeb", "Bab al-Mandab"],
        kind: "strait",
        bbox: [42.5, 12.0, 44.0, 13.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "baltic-sea",
        name: "Baltic Sea",
        aliases: &["Baltic"],
        kind: "sea",
        bbox: [9.5, 53.0, 30.5, 66.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "barents-sea",
        name: "Barents Sea",
        aliases: &[],
        kind: "sea",
        bbox: [16.0, 68.0, 68.0, 81.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "bay-of-bengal",
        name: "Bay of Bengal",
        aliases: &[],
        kind: "sea",
        bbox: [80.0, 5.0, 95.0, 23.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "bering-sea",
        name: "Bering Sea",
        aliases: &[],
        kind: "sea",
        bbox: [162.0, 51.0, -157.0, 66.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "bering-strait",
        name: "Bering Strait",
        aliases: &[],
        kind: "strait",
        bbox: [-170.5, 65.3, -167.5, 66.5],
        note: "box round the narrows between Cape Dezhnev (Chukotka) and Cape Prince of Wales (Alaska), the Diomede Islands between, drawn by hand from the coastline; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "black-sea",
        name: "Black Sea",
        aliases: &[],
        kind: "sea",
        bbox: [27.0, 40.5, 42.0, 47.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "bohai-sea",
        name: "Bohai Sea",
        aliases: &["Bohai", "Bo Hai", "Gulf of Bohai", "Bohai Gulf"],
        kind: "sea",
        bbox: [117.5, 37.0, 122.5, 41.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "caribbean-sea",
        name: "Caribbean Sea",
        aliases: &["Caribbean"],
        kind: "sea",
        bbox: [-89.0, 9.0, -59.5, 22.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "central-asia",
        name: "Central Asia",
        aliases: &[],
        kind: "region",
        bbox: [46.5, 35.0, 87.5, 55.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "chukchi-sea",
        name: "Chukchi Sea",
        aliases: &[],
        kind: "sea",
        bbox: [-180.0, 66.0, -156.0, 76.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "coral-sea",
        name: "Coral Sea",
        aliases: &[],
        kind: "sea",
        bbox: [142.0, -30.0, 170.0, -9.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "dokdo-takeshima-airspace",
        name: "Liancourt Rocks territorial airspace",
        aliases: &["Dokdo airspace", "Takeshima airspace", "Dokdo", "Takeshima", "Liancourt Rocks"],
        kind: "territorialAirspace",
        bbox: [131.6, 37.0, 132.15, 37.45],
        note: "box round the 12-nautical-mile territorial airspace of the Liancourt Rocks (about 131.87 E, 37.24 N), drawn by hand round the islets; approximate. Sovereignty is disputed: the Republic of Korea administers the islets (Dokdo), Japan claims them (Takeshima)",
        approximate: true,
    },
    GazetteerEntry {
        id: "east-asia",
        name: "East Asia",
        aliases: &[],
        kind: "region",
        bbox: [73.5, 18.0, 146.0, 53.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "east-china-sea",
        name: "East China Sea",
        aliases: &["Donghai", "Dong Hai"],
        kind: "sea",
        bbox: [119.0, 24.0, 131.0, 33.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "east-siberian-sea",
        name: "East Siberian Sea",
        aliases: &[],
        kind: "sea",
        bbox: [139.0, 69.0, 180.0, 77.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "gulf-of-aden",
        name: "Gulf of Aden",
        aliases: &[],
        kind: "sea",
        bbox: [43.0, 10.5, 51.5, 15.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "gulf-of-mexico",
        name: "Gulf of Mexico",
        aliases: &["Gulf of America"],
        kind: "sea",
        bbox: [-98.0, 18.0, -80.5, 31.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "gulf-of-oman",
        name: "Gulf of Oman",
        aliases: &["Sea of Oman", "Gulf of Makran"],
        kind: "sea",
        bbox: [56.0, 22.0, 62.0, 26.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "gulf-of-thailand",
        name: "Gulf of Thailand",
        aliases: &["Gulf of Siam"],
        kind: "sea",
        bbox: [99.0, 6.0, 105.0, 14.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "indian-ocean",
        name: "Indian Ocean",
        aliases: &[],
        kind: "ocean",
        bbox: [20.0, -60.0, 147.0, 30.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "japan-adiz",
        name: "Japan ADIZ",
        aliases: &["JADIZ", "Japanese ADIZ", "Japan Air Defense Identification Zone"],
        kind: "adiz",
        bbox: [122.5, 23.0, 147.0, 46.0],
        note: "Japan's air defence identification zone: box round its rough extent from a general map, not from its published coordinates; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "kara-sea",
        name: "Kara Sea",
        aliases: &[],
        kind: "sea",
        bbox: [55.0, 66.5, 105.0, 81.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "korea-adiz",
        name: "Korea ADIZ",
        aliases: &["KADIZ", "Korean ADIZ", "Korea Air Defense Identification Zone"],
        kind: "adiz",
        bbox: [123.5, 30.0, 133.0, 39.0],
        note: "South Korea's air defence identification zone (as extended in 2013): box round its rough extent from a general map, not from its published coordinates; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "korea-strait",
        name: "Korea Strait",
        aliases: &["Korean Strait"],
        kind: "strait",
        bbox: [128.0, 33.0, 131.0, 35.5],
        note: "box round the whole strait between the south coast of Korea and Kyushu, both channels either side of Tsushima, drawn by hand from the coastline; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "korean-peninsula",
        name: "Korean Peninsula",
        aliases: &["Korea"],
        kind: "region",
        bbox: [124.0, 33.0, 131.0, 43.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "laptev-sea",
        name: "Laptev Sea",
        aliases: &[],
        kind: "sea",
        bbox: [100.0, 70.5, 143.5, 81.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "luzon-strait",
        name: "Luzon Strait",
        aliases: &["Bashi Channel"],
        kind: "strait",
        bbox: [119.5, 18.5, 122.5, 22.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "mediterranean-sea",
        name: "Mediterranean Sea",
        aliases: &["Mediterranean"],
        kind: "sea",
        bbox: [-6.0, 30.0, 36.5, 46.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "miyako-strait",
        name: "Miyako Strait",
        aliases: &[],
        kind: "strait",
        bbox: [125.5, 24.5, 127.5, 26.5],
        note: "box round the passage between Okinawa and Miyako Island, drawn by hand from the coastline; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "north-sea",
        name: "North Sea",
        aliases: &[],
        kind: "sea",
        bbox: [-4.5, 51.0, 10.5, 61.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "northeast-asia",
        name: "Northeast Asia",
        aliases: &["North-East Asia", "North East Asia"],
        kind: "region",
        bbox: [87.5, 24.0, 180.0, 72.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "northern-sea-route",
        name: "Northern Sea Route",
        aliases: &["NSR", "Northeast Passage"],
        kind: "region",
        bbox: [55.0, 66.0, -168.0, 82.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "osumi-strait",
        name: "Osumi Strait",
        aliases: &["Ōsumi Strait"],
        kind: "strait",
        bbox: [130.0, 30.5, 131.5, 31.5],
        note: "box round the strait between the Osumi Peninsula (Kyushu) and Tanegashima and Yakushima, drawn by hand from the coastline; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "pacific-ocean",
        name: "Pacific Ocean",
        aliases: &["Pacific"],
        kind: "ocean",
        bbox: [99.0, -60.0, -67.0, 66.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "persian-gulf",
        name: "Persian Gulf",
        aliases: &["Arabian Gulf", "The Gulf"],
        kind: "sea",
        bbox: [47.5, 23.5, 57.0, 30.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "philippine-sea",
        name: "Philippine Sea",
        aliases: &[],
        kind: "sea",
        bbox: [121.0, 5.0, 146.0, 35.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "red-sea",
        name: "Red Sea",
        aliases: &[],
        kind: "sea",
        bbox: [32.0, 12.5, 43.5, 30.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "sea-of-japan",
        name: "Sea of Japan",
        aliases: &["East Sea", "Japan Sea"],
        kind: "sea",
        bbox: [127.0, 33.5, 142.5, 52.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "sea-of-okhotsk",
        name: "Sea of Okhotsk",
        aliases: &["Okhotsk Sea"],
        kind: "sea",
        bbox: [135.0, 43.0, 163.0, 62.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "south-china-sea",
        name: "South China Sea",
        aliases: &["West Philippine Sea", "East Sea (Vietnam)"],
        kind: "sea",
        bbox: [99.0, -3.0, 122.0, 23.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "soya-strait",
        name: "Soya Strait",
        aliases: &["La Perouse Strait", "La Pérouse Strait", "Sōya Strait"],
        kind: "strait",
        bbox: [141.0, 45.0, 143.0, 46.5],
        note: "box round the strait between Cape Soya (Hokkaido) and Cape Crillon (Sakhalin), drawn by hand from the coastline; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "strait-of-hormuz",
        name: "Strait of Hormuz",
        aliases: &["Hormuz Strait"],
        kind: "strait",
        bbox: [55.5, 25.5, 57.5, 27.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "strait-of-malacca",
        name: "Strait of Malacca",
        aliases: &["Malacca Strait"],
        kind: "strait",
        bbox: [95.0, 1.0, 104.0, 6.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "taiwan-strait",
        name: "Taiwan Strait",
        aliases: &["Formosa Strait"],
        kind: "strait",
        bbox: [117.5, 22.0, 121.5, 26.0],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "tsugaru-strait",
        name: "Tsugaru Strait",
        aliases: &[],
        kind: "strait",
        bbox: [139.5, 41.0, 141.5, 42.0],
        note: "box round the strait between Honshu and Hokkaido, from its Sea of Japan entrance to the Pacific, drawn by hand from the coastline; approximate",
        approximate: true,
    },
    GazetteerEntry {
        id: "tsushima-strait",
        name: "Tsushima Strait",
        aliases: &["Eastern Channel", "Korea Strait Eastern Channel"],
        kind: "strait",
        bbox: [129.3, 33.5, 130.9, 34.7],
        note: "the eastern channel of the Korea Strait, between Tsushima and Iki and Kyushu: box \
               drawn by hand from the coastline; approximate (the whole strait is `korea-strait`)",
        approximate: true,
    },
    GazetteerEntry {
        id: "western-pacific",
        name: "Western Pacific",
        aliases: &["West Pacific"],
        kind: "ocean",
        bbox: [99.0, -60.0, 180.0, 66.5],
        note: COARSE,
        approximate: true,
    },
    GazetteerEntry {
        id: "yellow-sea",
        name: "Yellow Sea",
        aliases: &["West Sea", "Huanghai", "Huang Hai"],
        kind: "sea",
        bbox: [119.0, 31.5, 127.0, 40.0],
        note: COARSE,
        approximate: true,
    },
];

#[cfg(test)]
mod tests {
    use super::GAZETTEER;
    use std::collections::HashSet;

    fn is_kebab_case(s: &str) -> bool {
        !s.is_empty()
            && s.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    }

    #[test]
    fn ids_are_unique() {
        let mut seen = HashSet::new();
        for e in GAZETTEER {
            assert!(seen.insert(e.id), "duplicate id {}", e.id);
        }
    }

    #[test]
    fn ids_are_sorted() {
        for pair in GAZETTEER.windows(2) {
            assert!(pair[0].id < pair[1].id, "{} !< {}", pair[0].id, pair[1].id);
        }
    }

    #[test]
    fn ids_are_kebab_case() {
        for e in GAZETTEER {
            assert!(is_kebab_case(e.id), "not kebab-case: {:?}", e.id);
        }
    }

    #[test]
    fn names_aliases_and_kinds_are_sane() {
        const KINDS: &[&str] = &[
            "sea",
            "ocean",
            "strait",
            "region",
            "airspace",
            "territorialAirspace",
            "adiz",
        ];
        for e in GAZETTEER {
            assert!(!e.name.trim().is_empty(), "{} has empty name", e.id);
            assert!(
                KINDS.contains(&e.kind),
                "{} has unknown kind {:?}",
                e.id,
                e.kind
            );
            assert!(
                !e.note.trim().is_empty(),
                "{} says nothing of its box",
                e.id
            );
            assert_eq!(
                e.approximate,
                e.note.contains("approximate"),
                "{}: its note and its flag disagree",
                e.id
            );
            for a in e.aliases {
                assert!(!a.trim().is_empty(), "{} has an empty alias", e.id);
                assert_ne!(*a, e.name, "{} repeats its name as an alias", e.id);
            }
        }
    }

    #[test]
    fn bboxes_are_valid() {
        for e in GAZETTEER {
            let [west, south, east, north] = e.bbox;
            for lon in [west, east] {
                assert!((-180.0..=180.0).contains(&lon), "{} lon {lon}", e.id);
            }
            for lat in [south, north] {
                assert!((-90.0..=90.0).contains(&lat), "{} lat {lat}", e.id);
            }
            assert!(south < north, "{} south >= north", e.id);
            assert!(west != east, "{} has zero width", e.id);
        }
    }

    #[test]
    fn required_entries_present() {
        for id in [
            "sea-of-japan",
            "east-china-sea",
            "sea-of-okhotsk",
            "pacific-ocean",
            "western-pacific",
            "arctic-ocean",
            "yellow-sea",
            "bohai-sea",
            "south-china-sea",
            "philippine-sea",
            "bering-sea",
            "taiwan-strait",
            "tsushima-strait",
            "korea-strait",
            "tsugaru-strait",
            "osumi-strait",
            "bering-strait",
            "japan-adiz",
            "korea-adiz",
            "alaska-adiz",
            "dokdo-takeshima-airspace",
            "soya-strait",
            "miyako-strait",
            "northern-sea-route",
            "baltic-sea",
            "mediterranean-sea",
            "black-sea",
            "arabian-sea",
            "gulf-of-oman",
            "indian-ocean",
            "central-asia",
            "east-asia",
            "korean-peninsula",
            "northeast-asia",
            "asia-pacific",
        ] {
            assert!(
                GAZETTEER.binary_search_by(|e| e.id.cmp(id)).is_ok(),
                "missing {id}"
            );
        }
    }

    #[test]
    fn antimeridian_crossers_and_key_aliases() {
        let get = |id: &str| &GAZETTEER[GAZETTEER.binary_search_by(|e| e.id.cmp(id)).unwrap()];
        assert!(get("pacific-ocean").bbox[0] > get("pacific-ocean").bbox[2]);
        assert!(get("bering-sea").bbox[0] > get("bering-sea").bbox[2]);
        assert!(get("sea-of-japan").aliases.contains(&"East Sea"));
        assert!(get("alaska-adiz").bbox[0] > get("alaska-adiz").bbox[2]);
        assert!(get("tsushima-strait").aliases.contains(&"Eastern Channel"));
        assert!(get("soya-strait").aliases.contains(&"La Perouse Strait"));
        assert!(get("korea-adiz").aliases.contains(&"KADIZ"));
        let dokdo = get("dokdo-takeshima-airspace");
        assert!(dokdo.aliases.contains(&"Dokdo") && dokdo.aliases.contains(&"Takeshima"));
        assert!(dokdo.note.contains("disputed"));
    }

    #[test]
    fn the_eastern_channel_lies_inside_the_korea_strait() {
        let get = |id: &str| &GAZETTEER[GAZETTEER.binary_search_by(|e| e.id.cmp(id)).unwrap()];
        let [w, s, e, n] = get("tsushima-strait").bbox;
        let [kw, ks, ke, kn] = get("korea-strait").bbox;
        assert!(kw <= w && ks <= s && e <= ke && n <= kn);
    }

    #[test]
    fn small_boxes_hold_their_places() {
        let get = |id: &str| &GAZETTEER[GAZETTEER.binary_search_by(|e| e.id.cmp(id)).unwrap()];
        let holds = |id: &str, lon: f64, lat: f64| {
            let [w, s, e, n] = get(id).bbox;
            assert!(
                w <= lon && lon <= e && s <= lat && lat <= n,
                "{id} misses {lon} {lat}"
            );
        };
        holds("dokdo-takeshima-airspace", 131.87, 37.24);
        holds("bering-strait", -168.95, 65.78); // the Diomede Islands
        holds("tsugaru-strait", 140.6, 41.5);
        holds("soya-strait", 141.94, 45.7);
        holds("korea-adiz", 125.18, 32.12); // Ieodo, inside since 2013
        holds("japan-adiz", 139.7, 35.7);
        // The 12-nautical-mile box is small: about 0.2° of latitude each side.
        let [w, s, e, n] = get("dokdo-takeshima-airspace").bbox;
        assert!(n - s < 0.6 && e - w < 0.7);
    }
}
