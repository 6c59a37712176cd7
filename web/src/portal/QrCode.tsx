import { useEffect, useState } from 'react';

/**
 * A QR code drawn in the browser as SVG (crisp when printed). The encoder is loaded on demand so it stays out of the
 * portal's first download; the image is named by `label` for screen readers, and the payload is shown as text beside
 * it by the caller.
 */
export function QrCode({ payload, label }: { payload: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    import('qrcode')
      .then((qr) => qr.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then(
        (text) => current && setSvg(text),
        () => current && setFailed(true),
      );
    return () => {
      current = false;
    };
  }, [payload]);
  if (failed)
    return (
      <p role="alert" className="error">
        二维码生成失败，请使用下方核验网址。
      </p>
    );
  if (!svg)
    return (
      <p role="status" className="muted">
        正在生成二维码…
      </p>
    );
  // The SVG is the encoder's own output for our payload, not text from the API.
  return <div className="qr" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
