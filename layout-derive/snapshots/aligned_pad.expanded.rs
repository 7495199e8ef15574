// The expansion of aligned_pad.rs (generated: TYPED_LAYOUT_BLESS=1 cargo test -p typed-layout-derive snapshots).
///A view of each field of [`Employee`]; `K` says which (see `FieldKind`): `EmployeeColumns`, `EmployeeColumnsMut`, `EmployeePlanes`, `EmployeePlanesMut`.
pub struct EmployeeFields<'a, __K: ::typed_layout::FieldKind> {
    ///The `name` field.
    pub name: __K::View<'a, [u8; 32]>,
    ///The `age` field.
    pub age: __K::View<'a, i32>,
    ///The `_pad` field.
    _pad: __K::View<'a, [u8; 4]>,
    ///The `salary` field.
    pub salary: __K::View<'a, f64>,
}
///Read-only columns (`Records::columns()`) of [`Employee`], one per field.
pub type EmployeeColumns<'a> = EmployeeFields<'a, ::typed_layout::kind::Columns>;
///Mutable columns, all usable at once (`RecordsMut::columns_mut()`) of [`Employee`], one per field.
pub type EmployeeColumnsMut<'a> = EmployeeFields<'a, ::typed_layout::kind::ColumnsMut>;
///Read-only planes (`ImageView::planes()`) of [`Employee`], one per field.
pub type EmployeePlanes<'a> = EmployeeFields<'a, ::typed_layout::kind::Planes>;
///Mutable planes, all usable at once (`ImageViewMut::planes_mut()`) of [`Employee`], one per field.
pub type EmployeePlanesMut<'a> = EmployeeFields<'a, ::typed_layout::kind::PlanesMut>;
impl ::typed_layout::__private::core::clone::Clone
for EmployeeFields<'_, ::typed_layout::kind::Columns> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for EmployeeFields<'_, ::typed_layout::kind::Columns> {}
impl ::typed_layout::__private::core::clone::Clone
for EmployeeFields<'_, ::typed_layout::kind::Planes> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl ::typed_layout::__private::core::marker::Copy
for EmployeeFields<'_, ::typed_layout::kind::Planes> {}
const _: () = {
    const __PIXEL_LAYOUT_OFFSETS: [usize; 4usize] = [
        ::typed_layout::__private::core::mem::offset_of!(Employee, name),
        ::typed_layout::__private::core::mem::offset_of!(Employee, age),
        ::typed_layout::__private::core::mem::offset_of!(Employee, _pad),
        ::typed_layout::__private::core::mem::offset_of!(Employee, salary),
    ];
    impl ::typed_layout::Fields for Employee {
        type Of<'a, __K: ::typed_layout::FieldKind> = EmployeeFields<'a, __K>;
        #[inline]
        fn fields<'a, __K: ::typed_layout::FieldKind>(
            mut source: __K::Source<'a, Self>,
        ) -> EmployeeFields<'a, __K> {
            EmployeeFields {
                name: __K::take::<
                    Self,
                    [u8; 32],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[0usize]),
                age: __K::take::<Self, i32>(&mut source, __PIXEL_LAYOUT_OFFSETS[1usize]),
                _pad: __K::take::<
                    Self,
                    [u8; 4],
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[2usize]),
                salary: __K::take::<
                    Self,
                    f64,
                >(&mut source, __PIXEL_LAYOUT_OFFSETS[3usize]),
            }
        }
    }
    const __PIXEL_LAYOUT_TABLE: ::typed_layout::Layout = ::typed_layout::Layout {
        name: "Employee",
        size: ::typed_layout::__private::core::mem::size_of::<Employee>(),
        align: ::typed_layout::__private::core::mem::align_of::<Employee>(),
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
                    name: "_pad",
                    offset: __PIXEL_LAYOUT_OFFSETS[2usize],
                    layout: &<[u8; 4] as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: true,
                },
                ::typed_layout::Field {
                    name: "salary",
                    offset: __PIXEL_LAYOUT_OFFSETS[3usize],
                    layout: &<f64 as ::typed_layout::PixelLayout>::LAYOUT,
                    padding: false,
                },
            ],
            packed: false,
        },
    };
    const _: fn(Employee) -> <Employee as ::typed_layout::PixelLayout>::__Fields = |
        __value|
    {
        let Employee {
            name: __field0,
            age: __field1,
            _pad: __field2,
            salary: __field3,
        } = __value;
        (((__field0,), (__field1,)), ((__field2,), (__field3,)))
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
        if problem.at(3usize) {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
        if problem.found() {
            ::typed_layout::__private::core::panic!("{}", problem.as_str());
        }
    };
    unsafe impl ::typed_layout::PixelLayout for Employee {
        type __Fields = ((([u8; 32],), (i32,)), (([u8; 4],), (f64,)));
        const LAYOUT: ::typed_layout::Layout = __PIXEL_LAYOUT_TABLE;
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'n'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'m'>,
            ::typed_layout::Ch<'e'>,
        ),
    > for Employee {
        type Value = [u8; 32];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[0usize];
    }
    impl ::typed_layout::Channel<
        (::typed_layout::Ch<'a'>, ::typed_layout::Ch<'g'>, ::typed_layout::Ch<'e'>),
    > for Employee {
        type Value = i32;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[1usize];
    }
    impl ::typed_layout::Channel<
        (
            ::typed_layout::Ch<'_'>,
            ::typed_layout::Ch<'p'>,
            ::typed_layout::Ch<'a'>,
            ::typed_layout::Ch<'d'>,
        ),
    > for Employee {
        type Value = [u8; 4];
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[2usize];
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
    > for Employee {
        type Value = f64;
        const OFFSET: usize = __PIXEL_LAYOUT_OFFSETS[3usize];
    }
    impl<__Source> ::typed_layout::ConvertFrom<__Source> for Employee
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
    ::typed_layout::__private::impl_bytemuck!(Employee);
};
