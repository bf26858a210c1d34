// The one inference API above the runtimes: model + image -> answer, used by the classifier, the
// accuracy run, the benchmark and the profile run alike.
//
//   manifestSource(id) / bytesSource(id, name, bytes)   what to run (ModelSource)
//   loadImageModel(source, runtime, options)            load: Promise<ImageModel> {source, model, labels}
//   prepareImage(decoded)                               prepare: PreparedImage, resize cached per input size
//   answerImage(model, prepared) / classify(model, prepared, k)   answer: probabilities / labelled top-k
//   closeImageModel(model)                              release the engine objects
export * from './source.ts';
export * from './image-model.ts';
export * from './prepared-image.ts';
export * from './answer.ts';
