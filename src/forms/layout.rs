//! From a header tree to the grid of merged cells the circular prints, and the numbered
//! columns with their labels.

use super::def::{Node, TableDef};
use super::table::{Column, HeaderCell, Source};

fn depth(nodes: &[Node]) -> u16 {
    nodes
        .iter()
        .map(|n| match n {
            Node::Col(..) => 1,
            Node::Group(_, children) => 1 + depth(children),
        })
        .max()
        .unwrap_or(0)
}

fn leaves(nodes: &[Node]) -> u16 {
    nodes
        .iter()
        .map(|n| match n {
            Node::Col(..) => 1,
            Node::Group(_, children) => leaves(children),
        })
        .sum()
}

/// A leaf of the tree: its label, the labels above it, and the number the definition
/// gives it (0 where a shared sub-tree leaves it to its position).
pub(crate) struct Leaf {
    pub label: &'static str,
    pub path: Vec<&'static str>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub declared: u16,
}

fn walk(
    nodes: &[Node],
    level: u16,
    rows: u16,
    first_col: u16,
    above: &mut Vec<&'static str>,
    cells: &mut Vec<HeaderCell>,
    out: &mut Vec<Leaf>,
) {
    let mut col = first_col;
    for n in nodes {
        match n {
            Node::Col(no, label) => {
                cells.push(HeaderCell {
                    row: level,
                    col,
                    rows: rows - level,
                    cols: 1,
                    label: label.to_string(),
                });
                out.push(Leaf {
                    label,
                    path: above.clone(),
                    declared: *no,
                });
                col += 1;
            }
            Node::Group(label, children) => {
                let width = leaves(children);
                cells.push(HeaderCell {
                    row: level,
                    col,
                    rows: 1,
                    cols: width,
                    label: label.to_string(),
                });
                above.push(label);
                walk(children, level + 1, rows, col, above, cells, out);
                above.pop();
                col += width;
            }
        }
    }
}

/// The header grid of a table (column 0 is "Đơn vị" when `unit_column`), its number of
/// rows, and its leaves in order.
pub(crate) fn grid(nodes: &[Node], unit_column: bool) -> (u16, Vec<HeaderCell>, Vec<Leaf>) {
    let rows = depth(nodes);
    let mut cells = Vec::new();
    if unit_column {
        cells.push(HeaderCell {
            row: 0,
            col: 0,
            rows,
            cols: 1,
            label: "Đơn vị".to_string(),
        });
    }
    let mut out = Vec::new();
    walk(
        nodes,
        0,
        rows,
        u16::from(unit_column),
        &mut Vec::new(),
        &mut cells,
        &mut out,
    );
    (rows, cells, out)
}

/// The numbered columns of a table, given which of them the register computes.
pub(crate) fn columns(def: &TableDef, leaves: &[Leaf], computed: &[bool]) -> Vec<Column> {
    leaves
        .iter()
        .enumerate()
        .map(|(i, leaf)| {
            let no = i as u16 + 1;
            let manual = def.manual.iter().find(|(c, _)| *c == no).map(|(_, l)| *l);
            let source = match (computed.get(i).copied().unwrap_or(false), manual) {
                (true, Some(_)) => Source::RegisterPlusManual,
                (true, None) => Source::Register,
                (false, _) => Source::Manual,
            };
            let mut path = leaf.path.clone();
            path.push(leaf.label);
            Column {
                no,
                label: leaf.label.to_string(),
                path: path.join(" › "),
                ms: def
                    .formulas
                    .iter()
                    .find(|(c, _)| *c == no)
                    .map(|(_, f)| f.to_string())
                    .unwrap_or_else(|| no.to_string()),
                source,
                manual_label: manual.map(str::to_string),
                unit: def
                    .units
                    .iter()
                    .find(|(c, _)| *c == no)
                    .map(|(_, u)| u.to_string()),
            }
        })
        .collect()
}
