// Character codes the HCL scanner and readers compare with (charCodeAt), named once for all of them.
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const DOLLAR = 36;
export const PERCENT = 37;
export const BACKSLASH = 92;
export const LBRACE = 123;
export const TILDE = 126;
