// The expansion of packed_person.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///A view of each field of [`Person`]; `K` says which (see `FieldKind`): `PersonColumns`, `PersonColumnsMut`, `PersonPlanes`, `PersonPlanesMut`.
pub struct PersonFields<'a, __K: ::typed_layout::FieldKind> {
    ///The `name` field.
    pub name: __K::View<'a, [u8; 32]>,
    ///The `age` field.
    pub age: __K::View<'a, i32>,
    ///The `salary` field.
    pub salary: __K::View<'a, f64>,
}
///Read-only columns (`Records::columns()`) of [`Person`], one per field.
pub type PersonColumns<'a> = PersonFields<'a, ::typed_layout::kind::Columns>;
///Mutable columns, all usable at once (`RecordsMut::columns_mut()`) of [`Person`], one per field.
pub type PersonColumnsMut<'a> = PersonFields<'a, ::typed_layout::kind::ColumnsMut>;
///Read-only planes (`ImageView::planes()`) of [`Person`], one per field.
pub type PersonPlanes<'a> = PersonFields<'a, ::typed_layout::kind::Planes>;
///Mutable planes, all usable at once (`ImageViewMut::planes_mut()`) of [`Person`], one per field.
pub type PersonPlanesMut<'a> = PersonFields<'a, ::typed_layout::kind::PlanesMut>;
impl ::typed_layout::__private::core::clone::Clone
for PersonFields<'_, ::typed_layout::kind::Columns> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for PersonFields<'_, ::typed_layout::kind::Columns> {}
impl ::typed_layout::__private::core::clone::Clone
for PersonFields<'_, ::typed_layout::kind::Planes> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for PersonFields<'_, ::typed_layout::kind::Planes> {}
const _: () = {
    const __PIXEL_LAYOUT_OFFSETS: [usize; 3usize] = [
        ::typed_layout::__private::core::mem::offset_of!(Person, name),
        ::typed_layout::__private::core::mem::offset_of!(Person, age),
        ::typed_layout::__private::core::mem::offset_of!(Person, salary),
    ];
    impl ::typed_layout::Fields for Person {
        type Of<'a, __K: ::typed_layout::FieldKind> = PersonFields<'a, __K>;
        #[inline]
        fn fields<'a, __K: ::typed_layout::FieldKind>(
            mut source: __K::Source<'a, Self>,
        ) -> PersonFields<'a, __K> {
            PersonFields {
                name: __K::take::<
                    Self,
                    [u8; 32],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[0usize]),
                age: __K::take::<Self, i32>(&mut source, __PIXEL_LAYOUT_OFFSETS[1usize]),
                salary: __K::take::<
                    Self,
                    f64,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[2usize]),
            }
        }
    }
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Person",
        size: ::typed_layout::__private::core::mem::size_of::<Person>(),
        align: ::typed_layout::__private::core::mem::align_of::<Person>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "name",
                    offset: __PIXEL_LAYOUT_OFFSETS[0usize],
                    layout: &<[u8; 32] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "age",
                    offset: __PIXEL_LAYOUT_OFFSETS[1usize],
                    layout: &<i32 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "salary",
                    offset: __PIXEL_LAYOUT_OFFSETS[2usize],
                    layout: &<f64 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
            ],
            packed: true,
        },
    };
    const _: fn(Person) -> <Person as ::typed_layout::PixelLayout>::__Fields = |__value| {
        let Person { name: __field0, age: __field1, salary: __field2 } = __value;
        ((__field0,), ((__field1,), (__field2,)))
    };
    const _: () = {
        let problem = ::typed_layout::__private::check_record(
            &__PIXEL_LAYOUT_TABLE,
            false,
            false,
        );
        if problem.at(0usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.at(1usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.at(2usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.found() {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
    };
    unsafe impl ::typed_layout::PixelLayout for Person {
        type __Fields = (([u8; 32],), ((i32,), (f64,)));
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'m'>,
            ::typed_layout::Ch<'e'>,
        ),
    > for Person {
        type Value = [u8; 32];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[0usize];
    }
    impl ::typed_layout::Channel<
        (::typed_layout::Ch<'a'>, ::typed_layout::Ch<'g'>, ::typed_layout::Ch<'e'>),
    > for Person {
        type Value = i32;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[1usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'s'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'l'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'r'>,
            ::typed_layout::Ch<'y'>,
        ),
    > for Person {
        type Value = f64;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[2usize];
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Person
    where
        __Source: ::typed_layout::PixelLayout
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'n'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'m'>,
                    ::typed_layout::Ch<'e'>,
                ),
                Value = [u8; 32],
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'g'>,
                    ::typed_layout::Ch<'e'>,
                ),
                Value = i32,
            >
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'s'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'l'>,
                    ::typed_layout::Ch<'a'>,
                    ::typed_layout::Ch<'r'>,
                    ::typed_layout::Ch<'y'>,
                ),
                Value = f64,
            >,
    {}
    ::typed_layout::__private::impl_bytemuck!(Person);
};
