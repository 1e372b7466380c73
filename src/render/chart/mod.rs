//! The org chart and the roadmap as pictures: DOT, Mermaid, SVG, JSON and a terminal
//! tree, one file each, behind [`ChartRenderer`](super::ChartRenderer).
//!
//! Owns how a chart is drawn. Depends on `org` (the graph) and the shared
//! [`labels`](super::labels); must not depend on the reports, the rules or the command
//! line.

pub mod dot;
mod geometry;
mod json;
mod mermaid;
mod route;
pub mod svg;
mod tidy;
mod tree;

pub use dot::Dot;
pub use mermaid::Mermaid;
pub use svg::Svg;
pub use tree::Tree;
