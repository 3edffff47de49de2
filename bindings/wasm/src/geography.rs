//! Geography: route lengths, closest approaches and area outlines. (The
//! GeoJSON export for maps is in the second module, `jointwatch/formats`.)

use jointwatch::analysis::geography::{self, Target};
use jointwatch::Point;
use wasm_bindgen::prelude::*;

use crate::dataset::Dataset;
use crate::{boundary, error};

#[wasm_bindgen]
impl Dataset {
    /// How close a patrol's route came to a target (a point, a line or a
    /// polygon), on a sphere of radius 6,371 km (the mean Earth radius). Throws a `JointwatchError` with code
    /// `not-found` for an unknown patrol, or the core's code (`empty-route`,
    /// `empty-target`, `coordinate-out-of-range`, `degenerate-polygon`).
    ///
    /// ```js
    /// ds.patrolClosestApproach("p-1", { type: "point", lon: 131, lat: 35 }).distanceKm;
    /// ```
    #[wasm_bindgen(js_name = patrolClosestApproach, unchecked_return_type = "Approach")]
    pub fn patrol_closest_approach(
        &self,
        #[wasm_bindgen(js_name = patrolId, unchecked_param_type = "string")] patrol_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = boundary::text(&patrol_id, "patrolId")?;
        let target: Target = boundary::input(&target, "target")?;
        let Some(patrol) = self.patrol(&id) else {
            return Err(error::not_found(
                "patrolId",
                format!("no patrol with id {id:?}"),
            ));
        };
        match geography::patrol_closest_approach(patrol, &target) {
            Ok(a) => boundary::output(&a),
            Err(e) => Err(error::geography(e, "patrolId")),
        }
    }

    /// The target an area stands for (its polygon, else its bounding box as
    /// a polygon), for `closestApproach`: an area this dataset defines or a
    /// built-in one, by id (exactly, as records name areas; not by name or
    /// alias). `undefined` for an area with no geometry; throws a
    /// `JointwatchError` with code `not-found` for an unknown id.
    ///
    /// ```js
    /// const sea = ds.areaTarget("sea-of-japan"); // { type: "polygon", points: [...] }
    /// ```
    #[wasm_bindgen(js_name = areaTarget, unchecked_return_type = "Target | undefined")]
    pub fn area_target(
        &self,
        #[wasm_bindgen(js_name = areaId, unchecked_param_type = "string")] area_id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = boundary::text(&area_id, "areaId")?;
        match self.inner.area(&id) {
            Some(area) => boundary::output_option(geography::area_target(&area)),
            None => Err(error::not_found(
                "areaId",
                format!("no area with id {id:?}, in the dataset or built in"),
            )),
        }
    }
}

/// The length of a route along the great circles between its points, in
/// kilometres.
///
/// ```js
/// routeLengthKm([{ lon: 130, lat: 30 }, { lon: 130, lat: 40 }]); // ≈ 1109
/// ```
#[wasm_bindgen(js_name = routeLengthKm)]
pub fn route_length_km(
    #[wasm_bindgen(unchecked_param_type = "Point[]")] route: JsValue,
) -> Result<f64, JsValue> {
    let route: Vec<Point> = boundary::input(&route, "route")?;
    Ok(geography::route_length_km(&route))
}

/// How close a route came to a target (a point, a line or a polygon), on
/// a sphere of radius 6,371 km (the mean Earth radius); `inside` when it entered a polygon. Throws a
/// `JointwatchError` with the core's code (`empty-route`, `empty-target`,
/// `coordinate-out-of-range`, `degenerate-polygon`).
///
/// ```js
/// closestApproach([{ lon: 130, lat: 30 }, { lon: 130, lat: 40 }], { type: "point", lon: 131, lat: 35 }).distanceKm; // ≈ 91.08
/// ```
#[wasm_bindgen(js_name = closestApproach, unchecked_return_type = "Approach")]
pub fn closest_approach(
    #[wasm_bindgen(unchecked_param_type = "Point[]")] route: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Target")] target: JsValue,
) -> Result<JsValue, JsValue> {
    let route: Vec<Point> = boundary::input(&route, "route")?;
    let target: Target = boundary::input(&target, "target")?;
    match geography::closest_approach(&route, &target) {
        Ok(a) => boundary::output(&a),
        Err(e) => Err(error::geography(e, "route")),
    }
}
