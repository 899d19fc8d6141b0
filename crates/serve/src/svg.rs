//! The evaluation graph as a picture: the DOT `tiaoli graph` prints, laid out
//! and drawn as SVG by layout-rs (a maintained pure-Rust layout of Graphviz
//! input), so no Graphviz has to be installed. Labels are escaped by the SVG
//! writer; Chinese text is measured by its characters.

use layout::backends::svg::SVGWriter;
use layout::gv::{DotParser, GraphBuilder};

/// DOT text → SVG, or why not.
pub fn dot_to_svg(dot: &str) -> Result<String, String> {
    let graph = DotParser::new(dot)
        .process()
        .map_err(|e| format!("无法读取图的 DOT 文本：{e}"))?;
    let mut builder = GraphBuilder::new();
    builder.visit_graph(&graph);
    let mut visual = builder.get();
    let mut svg = SVGWriter::new();
    visual.do_it(false, false, false, &mut svg);
    Ok(svg.finalize())
}
