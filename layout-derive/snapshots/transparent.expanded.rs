// The expansion of transparent.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///A view of each field of [`Meters`]; `K` says which (see `FieldKind`): `MetersColumns`, `MetersColumnsMut`, `MetersPlanes`, `MetersPlanesMut`.
pub struct MetersFields<'a, __K: ::typed_layout::FieldKind> {
    ///The `_unit` field.
    _unit: __K::View<'a, [u8; 0]>,
    ///The `type` field.
    pub r#type: __K::View<'a, f64>,
}
///Read-only columns (`Records::columns()`) of [`Meters`], one per field.
pub type MetersColumns<'a> = MetersFields<'a, ::typed_layout::kind::Columns>;
///Mutable columns, all usable at once (`RecordsMut::columns_mut()`) of [`Meters`], one per field.
pub type MetersColumnsMut<'a> = MetersFields<'a, ::typed_layout::kind::ColumnsMut>;
///Read-only planes (`ImageView::planes()`) of [`Meters`], one per field.
pub type MetersPlanes<'a> = MetersFields<'a, ::typed_layout::kind::Planes>;
///Mutable planes, all usable at once (`ImageViewMut::planes_mut()`) of [`Meters`], one per field.
pub type MetersPlanesMut<'a> = MetersFields<'a, ::typed_layout::kind::PlanesMut>;
impl ::typed_layout::__private::core::clone::Clone
for MetersFields<'_, ::typed_layout::kind::Columns> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for MetersFields<'_, ::typed_layout::kind::Columns> {}
impl ::typed_layout::__private::core::clone::Clone
for MetersFields<'_, ::typed_layout::kind::Planes> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for MetersFields<'_, ::typed_layout::kind::Planes> {}
const _: () = {
    const __PIXEL_LAYOUT_OFFSETS: [usize; 2usize] = [
        ::typed_layout::__private::core::mem::offset_of!(Meters, _unit),
        ::typed_layout::__private::core::mem::offset_of!(Meters, r#type),
    ];
    impl ::typed_layout::Fields for Meters {
        type Of<'a, __K: ::typed_layout::FieldKind> = MetersFields<'a, __K>;
        #[inline]
        fn fields<'a, __K: ::typed_layout::FieldKind>(
            mut source: __K::Source<'a, Self>,
        ) -> MetersFields<'a, __K> {
            MetersFields {
                _unit: __K::take::<
                    Self,
                    [u8; 0],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[0usize]),
                r#type: __K::take::<
                    Self,
                    f64,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[1usize]),
            }
        }
    }
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Meters",
        size: ::typed_layout::__private::core::mem::size_of::<Meters>(),
        align: ::typed_layout::__private::core::mem::align_of::<Meters>(),
        shape: ::typed_layout::Shape::Record {
            fields: &[
                ::typed_layout::Field {
                    name: "_unit",
                    offset: __PIXEL_LAYOUT_OFFSETS[0usize],
                    layout: &<[u8; 0] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: true,
                },
                ::typed_layout::Field {
                    name: "type",
                    offset: __PIXEL_LAYOUT_OFFSETS[1usize],
                    layout: &<f64 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
            ],
            packed: false,
        },
    };
    const _: fn(Meters) -> <Meters as ::typed_layout::PixelLayout>::__Fields = |__value| {
        let Meters { _unit: __field0, r#type: __field1 } = __value;
        ((__field0,), (__field1,))
    };
    const _: () = {
        let problem = ::typed_layout::__private::check_record(
            &__PIXEL_LAYOUT_TABLE,
            false,
            true,
        );
        if problem.at(0usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.at(1usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.found() {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
    };
    unsafe impl ::typed_layout::PixelLayout for Meters {
        type __Fields = (([u8; 0],), (f64,));
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'_'>,
            ::typed_layout::Ch<'u'>,
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'i'>,
            ::typed_layout::Ch<'t'>,
        ),
    > for Meters {
        type Value = [u8; 0];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[0usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'t'>,
            ::typed_layout::Ch<'y'>,
            ::typed_layout::Ch<'p'>,
            ::typed_layout::Ch<'e'>,
        ),
    > for Meters {
        type Value = f64;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[1usize];
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Meters
    where
        __Source: ::typed_layout::PixelLayout
            + ::typed_layout::Channel<
                (
                    ::typed_layout::Ch<'t'>,
                    ::typed_layout::Ch<'y'>,
                    ::typed_layout::Ch<'p'>,
                    ::typed_layout::Ch<'e'>,
                ),
                Value = f64,
            >,
    {}
    ::typed_layout::__private::impl_bytemuck!(Meters);
};
