// The API through CommonJS: `require("jointwatch")` resolves the Node build.
"use strict";

const { apiSuite } = require("./api.cjs");

apiSuite(require("jointwatch"), "require");
