// express@4 and express@5 are installed side by side under npm aliases (package.json: express4, express5); both
// are typed by @types/express, whose API the tests and recipes use is the same in both.
declare module 'express4' {
  import express = require('express');
  export = express;
}

declare module 'express5' {
  import express = require('express');
  export = express;
}
