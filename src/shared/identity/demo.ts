/**
 * The demo accounts' second factor: one fixed, published TOTP secret (RFC 4648 base32 of
 * "mic2025-demo-totp!!!"), so the two-command demo stays usable. Only demo data is enrolled with it,
 * and only in demo mode does the sign-in page show its current code (labelled 演示数据).
 */
export const DEMO_TOTP_SECRET = 'NVUWGMRQGI2S2ZDFNVXS25DPORYCCIJB';
