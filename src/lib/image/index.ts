// Image side of the pipeline: decode -> largest centered square -> bilinear resize -> model input.
//
// API:
//   decodeImageBlob(blob)               Promise<DecodedImage>; throws ImageDecodeError{code}
//   videoFrame(video)                   DecodedImage of the current webcam frame
//   imagePixels(image, fit)             RGBA PixelBuffer of the largest centered square (or all of it)
//   centerCropToSquare(w, h)            {sx, sy, size}
//   resizeBilinearRgb(pixels, w, h)     Float32Array RGB 0..255 (half-pixel centers)
//   buildInput(rgb, spec, norm)         model input in the spec's dtype (float / quantized 8-bit),
//                                       luminance (BT.601) for a one-channel model
//   imageInputSize(spec)                {height, width, channels} of a [1,H,W,3] or [1,H,W,1] input
//   greyInput(spec, norm)               a mid-grey picture as the model's input (warm-up, run checks)
//   imageBytes(image, h, w, steps)     the bytes an input is built from (cached by lib/inference)
//   readImageHeader(bytes)              format, size and EXIF orientation without decoding
//   isImageComplete(bytes, format)      false when the file stops before its end marker (truncated)
export * from './crop.ts';
export * from './resize.ts';
export * from './input.ts';
export * from './header.ts';
export * from './complete.ts';
export * from './decode.ts';
export * from './prepare.ts';
