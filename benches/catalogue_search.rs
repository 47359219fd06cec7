//! Catalogue search per keystroke at 2,000 items, as the `catalogue_search` command runs it,
//! against a baseline measured in the same run: the same search without the prepared index
//! (folding every item's texts on each keystroke). Prints medians, p99, the ratio, and the share
//! of a 60 Hz frame (16.7 ms). `cargo bench --bench catalogue_search`.

use std::time::{Duration, Instant};

use oso_api::catalogue::Catalogue;
use oso_core::{fold, Language};
use oso_desktop::catalogue::IndexedCatalogue;
use oso_service::catalogue::SHIPPED;

const ITEMS: usize = 2_000;
const FRAME: Duration = Duration::from_micros(16_667);

/// The shipped catalogue repeated, with distinct SKUs and names, up to `ITEMS`.
fn large_catalogue() -> Catalogue {
    let shipped = oso_service::catalogue::parse(SHIPPED).expect("shipped catalogue");
    let mut catalogue = shipped.clone();
    catalogue.items.clear();
    for copy in 0.. {
        for item in &shipped.items {
            if catalogue.items.len() == ITEMS {
                return catalogue;
            }
            let mut item = item.clone();
            item.sku = format!("{}-{copy}", item.sku);
            item.name.nl = format!("{} {copy}", item.name.nl);
            catalogue.items.push(item);
        }
    }
    catalogue
}

fn percentile(samples: &mut [Duration], fraction: f64) -> Duration {
    samples.sort();
    let index = ((samples.len() as f64 - 1.0) * fraction).round() as usize;
    samples[index]
}

fn main() {
    let catalogue = large_catalogue();
    let indexed = IndexedCatalogue::new(catalogue.clone());
    let typed = [
        "enveloppe a4",
        "doos 600",
        "bubbelfolie",
        "etiket",
        "koker 1000",
    ];
    let keystrokes: Vec<String> = typed
        .iter()
        .flat_map(|query| (1..=query.len()).map(move |end| query[..end].to_owned()))
        .collect();

    let mut indexed_times = Vec::new();
    let mut baseline_times = Vec::new();
    let mut found = 0;
    for _ in 0..20 {
        for query in &keystrokes {
            let start = Instant::now();
            found += indexed.search(Language::Nl, query, None, None).len();
            indexed_times.push(start.elapsed());

            let start = Instant::now();
            let words: Vec<String> = fold(query).split(' ').map(str::to_owned).collect();
            let baseline = catalogue
                .items
                .iter()
                .filter(|item| {
                    let haystack = fold(
                        &oso_desktop::catalogue::searchable_texts(item, Language::Nl).join(" "),
                    );
                    words.iter().all(|word| haystack.contains(word.as_str()))
                })
                .count();
            baseline_times.push(start.elapsed());
            found += baseline;
        }
    }
    let (median, p99) = (
        percentile(&mut indexed_times, 0.5),
        percentile(&mut indexed_times, 0.99),
    );
    let (base_median, base_p99) = (
        percentile(&mut baseline_times, 0.5),
        percentile(&mut baseline_times, 0.99),
    );
    println!(
        "items: {ITEMS}, keystrokes: {} (×20), matches seen: {found}",
        keystrokes.len()
    );
    println!(
        "search per keystroke (prepared index), median: {:.3} ms, p99: {:.3} ms",
        ms(median),
        ms(p99)
    );
    println!(
        "baseline (fold at query time),         median: {:.3} ms, p99: {:.3} ms",
        ms(base_median),
        ms(base_p99)
    );
    println!(
        "ratio index / baseline (median):        {:.3}",
        median.as_secs_f64() / base_median.as_secs_f64()
    );
    println!(
        "share of a 60 Hz frame (p99):            {:.3}",
        p99.as_secs_f64() / FRAME.as_secs_f64()
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
