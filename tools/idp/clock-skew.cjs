// Preloaded (node --require) by the tests that need an assertion issued in the past: the IdP's
// clock runs IDP_CLOCK_SKEW_SECONDS behind (negative) or ahead, so what it signs is a real,
// well-signed assertion that has already expired.
const skew = Number(process.env.IDP_CLOCK_SKEW_SECONDS || 0) * 1000;
if (skew) {
  const RealDate = Date;
  global.Date = class extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + skew); else super(...args); }
    static now() { return RealDate.now() + skew; }
  };
}
