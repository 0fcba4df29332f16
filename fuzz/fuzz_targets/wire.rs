#![no_main]
//! The snapshot wire format (`Snapshot::from_wire`) with arbitrary, often malformed arrays: an error
//! or a snapshot the whole core handles, never a panic.
use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::wire(data));
