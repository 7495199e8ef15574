use typed_layout::ImageView;

fn main() {
    let image;
    {
        let bytes = vec![0u8; 4 * 4 * 4];
        image = ImageView::<[u8; 4]>::from_bytes(&bytes, 4, 4, 16).unwrap();
    }
    println!("{:?}", image.get(0, 0));
}
