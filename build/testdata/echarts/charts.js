// CommonJS, so any part the build imports is found (and undefined).
module.exports = {};
