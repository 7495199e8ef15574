//! Reads view parameters out of fuzzer bytes: small values most of the time,
//! extreme ones (near usize::MAX / isize::MIN) sometimes.

pub struct Params<'a> {
    data: &'a [u8],
}

impl<'a> Params<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Params { data }
    }

    fn byte(&mut self) -> u8 {
        let (first, rest) = self.data.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
        self.data = rest;
        first
    }

    fn word(&mut self) -> u64 {
        (0..8).fold(0u64, |acc, _| (acc << 8) | u64::from(self.byte()))
    }

    pub fn size(&mut self) -> usize {
        match self.byte() % 8 {
            0 => self.word() as usize,
            1 => usize::MAX - (self.byte() as usize),
            _ => self.byte() as usize % 64,
        }
    }

    pub fn stride(&mut self) -> isize {
        match self.byte() % 8 {
            0 => self.word() as isize,
            1 => isize::MIN + self.byte() as isize,
            2 => isize::MAX - self.byte() as isize,
            _ => (self.byte() as i8 as isize) % 48,
        }
    }

    pub fn rest(self) -> &'a [u8] {
        self.data
    }
}
