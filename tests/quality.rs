//! Article-text quality on pages nobody here wrote: WCXB's development split, scored with the benchmark's
//! own bag-of-words F1. Fails only if the mean F1 falls below floors set from our own measurement
//! (README, "Measured figures"). Skipped, with the reason printed, when `../shared/data` is absent.
#![cfg(not(target_arch = "wasm32"))]

use blockwise::eval;
use std::path::Path;

/// Measured 0.852 on all pages and 0.943 on article pages (all 1,497 pages, 2026-11-27; 0.794 and
/// 0.922 on 2026-11-26); the floors leave room for noise but catch a real regression.
const FLOOR_ALL: f64 = 0.83;
const FLOOR_ARTICLES: f64 = 0.93;

#[test]
fn wcxb_dev_article_f1_stays_above_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/wcxb-dev");
    let pages = match eval::load_wcxb(&dir) {
        Ok(p) if !p.is_empty() => p,
        _ => {
            eprintln!("SKIPPED wcxb_dev_article_f1_stays_above_floor: {} is absent (the shared evaluation data is not on this machine)", dir.display());
            return;
        }
    };
    let scores = eval::par_map(&pages, |p| {
        let bytes = std::fs::read(&p.html).unwrap_or_default();
        let text = blockwise::html::decode_page(&bytes).map(|h| eval::article_text(&h, &p.url)).unwrap_or_default();
        let f1 = eval::word_f1(&text, &p.main_content).2;
        Some((p.page_type == "article", eval::is_held_out(&p.id), f1))
    });
    let mean = |it: Vec<f64>| it.iter().sum::<f64>() / it.len().max(1) as f64;
    let all = mean(scores.iter().map(|s| s.2).collect());
    let art = mean(scores.iter().filter(|s| s.0).map(|s| s.2).collect());
    let held = mean(scores.iter().filter(|s| s.1).map(|s| s.2).collect());
    eprintln!("WCXB dev: {} pages, article F1 {all:.3} (all), {art:.3} (articles), {held:.3} (held-out tenth)", scores.len());
    assert!(all >= FLOOR_ALL, "mean F1 over all pages {all:.3} fell below {FLOOR_ALL}");
    assert!(art >= FLOOR_ARTICLES, "mean F1 over article pages {art:.3} fell below {FLOOR_ARTICLES}");
}

/// Real ads placed into real stories (issue 5): every fifth ad of `../shared/data/native-ads` put after
/// the third, the middle and the last paragraph of ten WCXB article stories in turn. At least 95 % of
/// the ads must be `sponsored`, and a story paragraph may stop being `article` on at most 1 % of the
/// pages (measured: 0 of 1,050 after the third paragraph, 1 after the middle one, 6 after the last one,
/// with 30 hosts; `cargo run --release --example native_ads`, `PLACE=`, `HOSTS=`).
#[test]
fn real_ads_in_real_stories_are_sponsored_and_leave_the_story_alone() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let ads: Vec<String> = match std::fs::read_dir(data.join("native-ads/html")) {
        Ok(d) => {
            let mut files: Vec<_> = d.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            files.iter().step_by(5).filter_map(|p| std::fs::read_to_string(p).ok().and_then(|w| eval::ad_markup(&w))).collect()
        }
        Err(_) => {
            eprintln!("SKIPPED real_ads_in_real_stories: {} is absent (the shared evaluation data is not on this machine)", data.join("native-ads").display());
            return;
        }
    };
    let (mut total, mut sponsored, mut hurt) = (0usize, 0usize, 0usize);
    for place in [eval::Place::Third, eval::Place::Middle, eval::Place::Last] {
        let hosts = eval::ad_hosts(&data.join("wcxb-dev"), 10, place);
        assert!(hosts.len() >= 5, "too few WCXB host stories: {}", hosts.len());
        for (k, ad) in ads.iter().enumerate() {
            let Some(o) = eval::place_ad(&hosts[k % hosts.len()], ad) else { continue };
            total += 1;
            sponsored += (o.kind == Some(blockwise::Kind::Sponsored)) as usize;
            if !o.hurt.is_empty() {
                hurt += 1;
                eprintln!("story hurt ({place:?}, {}): {:?}", hosts[k % hosts.len()].url, o.hurt);
            }
        }
    }
    eprintln!("real ads: {sponsored} of {total} sponsored; a story paragraph hurt on {hurt} pages");
    assert!(total >= 500, "only {total} ads placed");
    assert!(sponsored * 100 >= total * 95, "{sponsored} of {total} ads sponsored (< 95 %)");
    assert!(hurt * 100 <= total, "a story paragraph stopped being article on {hurt} of {total} pages (> 1 %)");
}
