// The expansion of packed_person.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///Read-only columns of [`Person`], one per field; from `Records::columns()`.
pub struct PersonColumns<'a> {
    ///The `name` field of every record.
    pub name: ::typed_layout::Column<'a, [u8; 32]>,
    ///The `age` field of every record.
    pub age: ::typed_layout::Column<'a, i32>,
    ///The `salary` field of every record.
    pub salary: ::typed_layout::Column<'a, f64>,
}
impl ::typed_layout::__private::core::clone::Clone for PersonColumns<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for PersonColumns<'_> {}
///Mutable columns of [`Person`], one per field, all usable at once (fields never share a byte); from `RecordsMut::columns_mut()`.
pub struct PersonColumnsMut<'a> {
    ///The `name` field of every record.
    pub name: ::typed_layout::ColumnMut<'a, [u8; 32]>,
    ///The `age` field of every record.
    pub age: ::typed_layout::ColumnMut<'a, i32>,
    ///The `salary` field of every record.
    pub salary: ::typed_layout::ColumnMut<'a, f64>,
}
impl ::typed_layout::Columnar for Person {
    type Columns<'a> = PersonColumns<'a>;
    type ColumnsMut<'a> = PersonColumnsMut<'a>;
    fn columns(source: ::typed_layout::Records<'_, Self>) -> PersonColumns<'_> {
        PersonColumns {
            name: source
                .column_at::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Person, name))
                .expect("field `name` lies inside `Person`"),
            age: source
                .column_at::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Person, age))
                .expect("field `age` lies inside `Person`"),
            salary: source
                .column_at::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Person, salary))
                .expect("field `salary` lies inside `Person`"),
        }
    }
    fn columns_mut(
        source: ::typed_layout::RecordsMut<'_, Self>,
    ) -> PersonColumnsMut<'_> {
        let mut split = source.into_column_split();
        PersonColumnsMut {
            name: split
                .take::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Person, name))
                .expect("fields of `Person` are in increasing offset order"),
            age: split
                .take::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Person, age))
                .expect("fields of `Person` are in increasing offset order"),
            salary: split
                .take::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Person, salary))
                .expect("fields of `Person` are in increasing offset order"),
        }
    }
}
///Read-only planes of [`Person`], one per field; from `ImageView::planes()`.
pub struct PersonPlanes<'a> {
    ///The `name` field of every pixel.
    pub name: ::typed_layout::ImageView<'a, [u8; 32]>,
    ///The `age` field of every pixel.
    pub age: ::typed_layout::ImageView<'a, i32>,
    ///The `salary` field of every pixel.
    pub salary: ::typed_layout::ImageView<'a, f64>,
}
impl ::typed_layout::__private::core::clone::Clone for PersonPlanes<'_> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy for PersonPlanes<'_> {}
///Mutable planes of [`Person`], one per field, all usable at once (fields never share a byte); from `ImageViewMut::planes_mut()`.
pub struct PersonPlanesMut<'a> {
    ///The `name` field of every pixel.
    pub name: ::typed_layout::ImageViewMut<'a, [u8; 32]>,
    ///The `age` field of every pixel.
    pub age: ::typed_layout::ImageViewMut<'a, i32>,
    ///The `salary` field of every pixel.
    pub salary: ::typed_layout::ImageViewMut<'a, f64>,
}
impl ::typed_layout::Planar for Person {
    type Planes<'a> = PersonPlanes<'a>;
    type PlanesMut<'a> = PersonPlanesMut<'a>;
    fn planes(source: ::typed_layout::ImageView<'_, Self>) -> PersonPlanes<'_> {
        PersonPlanes {
            name: source
                .plane_at::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Person, name))
                .expect("field `name` lies inside `Person`"),
            age: source
                .plane_at::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Person, age))
                .expect("field `age` lies inside `Person`"),
            salary: source
                .plane_at::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Person, salary))
                .expect("field `salary` lies inside `Person`"),
        }
    }
    fn planes_mut(
        source: ::typed_layout::ImageViewMut<'_, Self>,
    ) -> PersonPlanesMut<'_> {
        let mut split = source.into_plane_split();
        PersonPlanesMut {
            name: split
                .take::<
                    [u8; 32],
                >(::typed_layout::__private::core::mem::offset_of!(Person, name))
                .expect("fields of `Person` are in increasing offset order"),
            age: split
                .take::<
                    i32,
                >(::typed_layout::__private::core::mem::offset_of!(Person, age))
                .expect("fields of `Person` are in increasing offset order"),
            salary: split
                .take::<
                    f64,
                >(::typed_layout::__private::core::mem::offset_of!(Person, salary))
                .expect("fields of `Person` are in increasing offset order"),
        }
    }
}
const _: () = {
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Person",
        size: ::typed_layout::__private::core::mem::size_of::<Person>(),
        align: ::typed_layout::__private::core::mem::align_of::<Person>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "name",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Person, name
                    ),
                    layout: &<[u8; 32] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "age",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Person, age
                    ),
                    layout: &<i32 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
                ::typed_layout::Field {
                    name: "salary",
                    offset: ::typed_layout::__private::core::mem::offset_of!(
                        Person, salary
                    ),
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
        #[inline(always)]
        fn channel(&self) -> [u8; 32] {
            self.name
        }
    }
    impl ::typed_layout::Channel<
        (::typed_layout::Ch<'a'>, ::typed_layout::Ch<'g'>, ::typed_layout::Ch<'e'>),
    > for Person {
        type Value = i32;
        #[inline(always)]
        fn channel(&self) -> i32 {
            self.age
        }
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
        #[inline(always)]
        fn channel(&self) -> f64 {
            self.salary
        }
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
    {
        #[inline(always)]
        fn convert_from(source: &__Source) -> Self {
            Person {
                name: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'n'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'m'>,
                        ::typed_layout::Ch<'e'>,
                    ),
                >::channel(source),
                age: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'g'>,
                        ::typed_layout::Ch<'e'>,
                    ),
                >::channel(source),
                salary: ::typed_layout::Channel::<
                    (
                        ::typed_layout::Ch<'s'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'l'>,
                        ::typed_layout::Ch<'a'>,
                        ::typed_layout::Ch<'r'>,
                        ::typed_layout::Ch<'y'>,
                    ),
                >::channel(source),
            }
        }
    }
    ::typed_layout::__private::impl_bytemuck!(Person);
};
