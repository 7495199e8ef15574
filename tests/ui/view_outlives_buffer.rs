use typed_layout::Records;

fn main() {
    let view;
    {
        let bytes = vec![0u8; 64];
        view = Records::<u32>::from_bytes(&bytes).unwrap();
    }
    println!("{}", view.len());
}
