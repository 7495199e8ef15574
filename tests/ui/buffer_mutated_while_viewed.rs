use typed_layout::Records;

fn main() {
    let mut bytes = vec![0u8; 64];
    let view = Records::<u32>::from_bytes(&bytes).unwrap();
    bytes[0] = 1;
    println!("{}", view.len());
}
