//! rules check
