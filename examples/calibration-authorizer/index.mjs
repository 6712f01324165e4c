// The calibration authorizer of `authz calibrate` (docs/deployed-stage.md, "Calibrate the emulation against your stage").
// It does what the probe's token says, so the stage in front of it shows how it treats each disputed output: the token
// is an HS256 JWT signed with CALIBRATION_SECRET whose `calibrate` claim is {"output": "<raw JSON>", "padContext": n} or
// {"error": "<message>"}. A token it cannot verify is refused with "Unauthorized". Deploy it only behind a dedicated
// calibration API: it allows whatever a holder of the secret asks. It never logs the token.
// The in-process twin is harness/src/AuthorizerConformance.Harness/Calibration/CalibrationEchoFunction.cs.
import { createHmac, timingSafeEqual } from "node:crypto";

const HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");

function verified(token, secret) {
  const parts = (token ?? "").replace(/^Bearer /, "").split(".");
  if (parts.length !== 3 || parts[0] !== HEADER || !secret) return null;
  const expected = createHmac("sha256", secret).update(`${parts[0]}.${parts[1]}`).digest();
  const signature = Buffer.from(parts[2], "base64url");
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  try {
    return JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")).calibrate ?? null;
  } catch {
    return null;
  }
}

export const handler = async (event) => {
  const calibrate = verified(event.authorizationToken, process.env.CALIBRATION_SECRET);
  if (!calibrate) throw new Error("Unauthorized");
  if (typeof calibrate.error === "string") throw new Error(calibrate.error);
  const output = JSON.parse(calibrate.output);
  const pad = Math.min(Number(calibrate.padContext) || 0, 1 << 20);
  if (pad > 0) output.context = { ...(output.context ?? {}), pad: "x".repeat(pad) };
  return output;
};
