//! What the order placement benchmarks share (`order_placement` on SQLite, `postgres`): the
//! orders they place, clients placing them at once, and percentiles.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;

pub const SKUS: [&str; 3] = ["ENV-DL-50", "ENV-C5-50", "ENV-C4-25"];

pub fn percentile(samples: &mut [Duration], fraction: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * fraction).round() as usize]
}

pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

pub fn order_body(key: &str, index: usize) -> serde_json::Value {
    json!({"idempotency_key": key, "account_number": "951234567",
        "address": {"company": format!("Zebra {index}"), "contact_person": "Ann", "street": "Meir", "number": "1",
                    "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67"},
        "lines": [{"sku": SKUS[index % 3], "packs": 1 + index % 5}, {"sku": SKUS[(index + 1) % 3], "packs": 1}]})
}

pub struct Run {
    pub throughput: f64,
    pub p50: f64,
    pub p99: f64,
}

pub async fn run_clients<F, Fut>(clients: usize, orders: usize, work: F) -> Run
where
    F: Fn(usize, usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let work = Arc::new(work);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for client in 0..clients {
        let (next, work) = (Arc::clone(&next), Arc::clone(&work));
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= orders {
                    break;
                }
                let began = Instant::now();
                work(client, index).await;
                latencies.push(began.elapsed());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("client"));
    }
    let elapsed = start.elapsed();
    Run {
        throughput: orders as f64 / elapsed.as_secs_f64(),
        p50: ms(percentile(&mut latencies, 0.5)),
        p99: ms(percentile(&mut latencies, 0.99)),
    }
}
