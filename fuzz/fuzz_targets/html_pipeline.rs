#![no_main]
//! HTML text → snapshot → classify → reader document (native), never a panic, always a safe reader.
use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::html_pipeline(data));
