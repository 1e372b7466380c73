//! Any bytes, read as a profile stream: never a panic, every error has a place, and a
//! profile read is the one yaml_serde reads (the quick reader of the common shape
//! reads nothing otherwise).
#![no_main]

use libfuzzer_sys::fuzz_target;
use partner_org::profile::{DocumentReader, Limits, Profile};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_bytes: 64 << 10,
        max_documents: 64,
    };
    for doc in DocumentReader::new(data, "fuzz.yaml", limits) {
        let doc = match doc {
            Ok(doc) => doc,
            Err(e) => {
                let _ = e.render(false);
                continue;
            }
        };
        let doc = doc.as_document();
        match Profile::from_document(&doc) {
            Ok(profile) => {
                let by_serde: Option<Profile> = yaml_serde::from_str(doc.text).ok();
                assert_eq!(by_serde.as_ref(), Some(&profile), "{:?}", doc.text);
            }
            // Rendering touches the caret logic on arbitrary lines and columns.
            Err(e) => {
                let _ = e.render(false);
            }
        }
    }
});
