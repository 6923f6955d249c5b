// The build's own tests check what the build writes, not what ECharts
// draws: what the app calls is here, and draws nothing.
exports.use = function () {};
exports.init = function () {
  return { setOption: function () {}, dispose: function () {}, resize: function () {}, on: function () {} };
};
exports.getInstanceByDom = function () {};
