//! Any bytes, read as a profile stream: never a panic, and every error has a place.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partner_org::profile::{DocumentReader, Limits, Profile};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_bytes: 64 << 10,
        max_documents: 64,
    };
    for doc in DocumentReader::new(data, "fuzz.yaml", limits) {
        let result = doc.and_then(|d| Profile::from_document(&d.as_document()));
        if let Err(e) = result {
            // Rendering touches the caret logic on arbitrary lines and columns.
            let _ = e.render(false);
        }
    }
});
