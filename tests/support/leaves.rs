//! Every scalar leaf of a dtype, as the Python scripts enumerate them:
//! `(path, dtype, offset)`, fields in order (`a.b`), sub-array elements
//! `[k]`; with `titles`, a titled field's path carries `(title)`.

use typed_layout::Dtype;

pub fn leaves(
    dtype: &Dtype,
    titles: bool,
    prefix: &str,
    offset: usize,
    out: &mut Vec<(String, Dtype, usize)>,
) {
    if dtype.is_record() {
        for field in dtype.fields() {
            let title = match field.title() {
                Some(title) if titles => format!("({title})"),
                _ => String::new(),
            };
            let path = if prefix.is_empty() {
                format!("{}{title}", field.name())
            } else {
                format!("{prefix}.{}{title}", field.name())
            };
            leaves(field.dtype(), titles, &path, offset + field.offset(), out);
        }
    } else if dtype.is_sub_array() {
        let base = dtype.base();
        let count: usize = dtype.shape().iter().product();
        for k in 0..count {
            let path = format!("{prefix}[{k}]");
            leaves(base, titles, &path, offset + k * base.itemsize(), out);
        }
    } else {
        out.push((prefix.to_string(), dtype.clone(), offset));
    }
}
