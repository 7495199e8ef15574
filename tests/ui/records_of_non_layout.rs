use typed_layout::Records;

fn main() {
    let names = [String::from("a")];
    let records = Records::from_slice(&names);
    println!("{}", records.len());
}
