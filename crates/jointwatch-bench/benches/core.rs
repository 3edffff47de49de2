//! Criterion benchmarks of the core on synthetic datasets of 1 k, 100 k and
//! 1 M records (`JW_BENCH_SIZES=1k` restricts the sizes; see
//! `jointwatch_bench::workload::parse_sizes`). `JW_BENCH_TIME_SCALE` (a
//! factor, default 1) shortens or lengthens every warm-up and measurement,
//! e.g. `0.05` for a smoke run.
//!
//! ```text
//! CARGO_TARGET_DIR=target/bench JW_BENCH_SIZES=1k cargo bench -p jointwatch-bench
//! ```
//!
//! Each dataset is generated once per process and kept, with its JSON text.
//! Results land in `$CARGO_TARGET_DIR/criterion/<operation>/<size>/`, which
//! `scripts/bench` reads to write `docs/performance.md`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use jointwatch::Dataset;
use jointwatch_bench::workload::{self, size_label};

struct Fixture {
    ds: Dataset,
    text: String,
}

/// The dataset of `n` records and its JSON text, generated on first use.
fn fixture(n: usize) -> &'static Fixture {
    static CACHE: OnceLock<Mutex<BTreeMap<usize, &'static Fixture>>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    cache.entry(n).or_insert_with(|| {
        let ds = jointwatch_bench::generate(workload::SEED, n);
        let text = workload::to_json(&ds);
        // Time reading and checking, never a refusal: the text must load.
        if let Err(e) = workload::load_validate(&text) {
            panic!("the generated {} records do not load: {e}", size_label(n));
        }
        eprintln!(
            "generated {} records ({:.1} MB of JSON)",
            size_label(n),
            text.len() as f64 / 1e6
        );
        Box::leak(Box::new(Fixture { ds, text }))
    })
}

fn time_scale() -> f64 {
    std::env::var("JW_BENCH_TIME_SCALE")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|f| f.is_finite() && *f > 0.0)
        .unwrap_or(1.0)
}

/// Sample count and times for a dataset of `n` records: criterion's
/// minimum of 10 samples, taken one long iteration at a time, for the
/// large sizes.
fn configure(group: &mut BenchmarkGroup<'_, WallTime>, n: usize) {
    let scale = time_scale();
    let (samples, warm_up, measure) = match n {
        0..=10_000 => (30, 1.0, 3.0),
        10_001..=200_000 => (10, 1.0, 6.0),
        _ => (10, 2.0, 20.0),
    };
    group.sample_size(samples);
    group.warm_up_time(Duration::from_secs_f64(warm_up * scale));
    group.measurement_time(Duration::from_secs_f64(measure * scale));
    group.sampling_mode(if n > 10_000 {
        SamplingMode::Flat
    } else {
        SamplingMode::Auto
    });
    group.throughput(Throughput::Elements(n as u64));
}

/// Benchmarks `run` at every size. Results are dropped outside the timed
/// region (`iter_with_large_drop`): freeing a million-record dataset is not
/// part of loading it.
fn bench<T>(c: &mut Criterion, name: &str, run: impl Fn(&'static Fixture) -> T) {
    let mut group = c.benchmark_group(name);
    for n in workload::sizes_from_env() {
        let fx = fixture(n);
        configure(&mut group, n);
        group.bench_function(size_label(n), |b| {
            b.iter_with_large_drop(|| run(black_box(fx)))
        });
    }
    group.finish();
}

fn operations(c: &mut Criterion) {
    bench(c, "load_validate", |fx| {
        workload::load_validate(&fx.text).ok()
    });
    bench(c, "parse_floor", |fx| workload::parse_floor(&fx.text).ok());
    bench(c, "validate", |fx| workload::validate(&fx.ds));
    bench(c, "query", |fx| workload::query(&fx.ds));
    bench(c, "trends", |fx| workload::trends(&fx.ds).ok());
    let target = workload::approach_target();
    bench(c, "closest_approach", |fx| {
        workload::closest_approaches(&fx.ds, &target)
    });
    bench(c, "assess", |fx| workload::assessment(&fx.ds));
}

criterion_group!(benches, operations);
criterion_main!(benches);
