import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 949:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ post),
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __nccwpck_require__(705);
;// CONCATENATED MODULE: ./src/status.ts
/** The statuses Zoom lets an API client set, spelled as Zoom expects them. */
const STATUSES = [
    'Available',
    'Away',
    'Do_Not_Disturb',
    'In_Calendar_Event',
    'Presenting',
    'In_A_Zoom_Meeting',
    'On_A_Call',
    'Out_of_Office',
    'Busy',
];
const byKey = new Map(STATUSES.map((s) => [s.toLowerCase(), s]));
// `Do_No_Disturb` is the spelling in the enum of Zoom's own spec.
byKey.set('dnd', 'Do_Not_Disturb');
byKey.set('do_no_disturb', 'Do_Not_Disturb');
/**
 * The canonical status for what a workflow author typed: any case, with
 * spaces or hyphens for underscores. Undefined when it is none of them.
 */
function parseStatus(value) {
    const key = value
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, '_');
    return byKey.get(key);
}

;// CONCATENATED MODULE: ./src/user.ts
/** `me` is the token's own user; account-level apps name users instead. */
const ME = 'me';
// A Zoom user ID is URL-safe base64; an email is anything@anything without
// spaces. Both forms keep a value from being `.` or `..`, which a URL parser
// would resolve as a path step whether or not it is percent-encoded.
const USER_ID = /^[A-Za-z0-9_-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_LENGTH = 254;
/** Why `user` cannot name a Zoom user, or undefined when it can. */
function userProblem(user) {
    if (user.length > MAX_LENGTH)
        return `is ${user.length} characters long, more than ${MAX_LENGTH}`;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
    if (/[\u0000-\u001f\u007f]/.test(user))
        return 'contains a control character';
    // A lone UTF-16 surrogate cannot be percent-encoded.
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(user)) {
        return 'contains an invalid character';
    }
    if (USER_ID.test(user) || EMAIL.test(user))
        return undefined;
    return 'is neither a Zoom user ID (letters, digits, - and _) nor an email address';
}
/** The user as one path segment: nothing in it can change the path. */
function userPathSegment(user) {
    return encodeURIComponent(user).replace(/%40/g, '@');
}

;// CONCATENATED MODULE: ./src/inputs.ts


const BODY_FORMATS = ['multipart', 'json'];
const DEFAULT_BASE_URL = 'https://api.zoom.us/v2';
const DEFAULT_OAUTH_URL = 'https://zoom.us/oauth/token';
const MAX_DURATION = 1440;
const DEFAULT_TIMEOUT_S = 90;
const DEFAULT_REQUEST_TIMEOUT_S = 30;
const MAX_TIMEOUT_S = 3600;
const CREDENTIALS = ['account-id', 'client-id', 'client-secret'];
const INPUT_NAMING = {
    subject: (names) => `${names.length > 1 ? 'Inputs' : 'Input'} ${listOf(names.map((n) => `'${n}'`))}`,
    ref: (name) => `'${name}'`,
    // A workflow expression, shown to the user as it is, not a template.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is a GitHub expression
    tokenSource: 'from a secret, for example token: ${{ secrets.ZOOM_TOKEN }}',
};
/** `a`, `a and b`, `a, b and c`. */
function listOf(items) {
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}
/** Every problem with the inputs at once, so one run shows them all. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
        this.name = 'InputError';
    }
}
/**
 * Parses and checks the inputs before anything is sent.
 * Throws an InputError naming each input that is wrong and what it allows.
 */
function parseInputs(read, naming = INPUT_NAMING) {
    const it = (name) => naming.subject([name]);
    const problems = [];
    const warnings = [];
    const input = (name) => read(name).trim();
    const rawStatus = input('status');
    const status = parseStatus(rawStatus);
    if (!rawStatus) {
        problems.push(`${it('status')} is required: use one of ${STATUSES.join(', ')}.`);
    }
    else if (!status) {
        problems.push(`${it('status')} is ${quote(rawStatus)}, which is not a status Zoom can set: ` +
            `use one of ${STATUSES.join(', ')} (any case; spaces or hyphens for underscores; dnd).`);
    }
    let duration;
    const rawDuration = input('duration');
    if (rawDuration) {
        const minutes = /^\d{1,5}$/.test(rawDuration) ? Number(rawDuration) : NaN;
        if (!(minutes >= 1 && minutes <= MAX_DURATION)) {
            problems.push(`${it('duration')} is ${quote(rawDuration)}: ` +
                `use a whole number of minutes from 1 to ${MAX_DURATION}, or leave it empty for Zoom's default of 20.`);
        }
        else if (status && status !== 'Do_Not_Disturb') {
            warnings.push(`${it('duration')} applies to Do_Not_Disturb only; it is not sent with status ${status}.`);
        }
        else {
            duration = minutes;
        }
    }
    const users = parseUsers(read('user'), problems, naming);
    const auth = parseAuth(input, problems, naming);
    if (auth?.kind === 'account' && users.includes(ME)) {
        warnings.push(`${it('user')} is 'me', which Zoom advises against with account credentials: name the user by ID or email.`);
    }
    const baseUrl = parseHttpsUrl('base-url', input('base-url') || DEFAULT_BASE_URL, problems, naming);
    const rawFormat = input('body-format').toLowerCase() || 'multipart';
    const bodyFormat = BODY_FORMATS.find((f) => f === rawFormat);
    if (!bodyFormat) {
        problems.push(`${it('body-format')} is ${quote(rawFormat)}: use ${BODY_FORMATS.join(' or ')}.`);
    }
    const failOnError = parseBoolean(it('fail-on-error'), input('fail-on-error'), true, problems);
    const restore = parseBoolean(it('restore'), input('restore'), false, problems);
    const dryRun = parseBoolean(it('dry-run'), input('dry-run'), false, problems);
    const timeoutMs = parseSeconds(it('timeout'), input('timeout'), DEFAULT_TIMEOUT_S, problems);
    const requestTimeoutMs = parseSeconds(it('request-timeout'), input('request-timeout'), DEFAULT_REQUEST_TIMEOUT_S, problems);
    if (problems.length > 0 || !status || !bodyFormat || baseUrl === undefined || !auth) {
        throw new InputError(problems);
    }
    return {
        settings: {
            status,
            duration,
            users,
            auth,
            baseUrl,
            bodyFormat,
            failOnError,
            timeoutMs,
            requestTimeoutMs,
            restore,
            dryRun,
        },
        warnings,
    };
}
/**
 * Users listed by commas or new lines, blanks and repeats dropped (emails
 * compare without case); none means `me`.
 */
function parseUsers(value, problems, naming) {
    const users = new Map();
    for (const entry of value.split(/[,\r\n]+/)) {
        const user = entry.trim();
        if (!user)
            continue;
        const problem = userProblem(user);
        if (problem) {
            problems.push(`${naming.subject(['user'])} ${quote(user)} ${problem}: use a Zoom user ID, an email address or 'me' (several separated by commas or new lines).`);
            continue;
        }
        const key = user.includes('@') ? user.toLowerCase() : user;
        if (!users.has(key))
            users.set(key, user);
    }
    return users.size > 0 ? [...users.values()] : [ME];
}
/** Either a token, or all three Server-to-Server OAuth credentials. */
function parseAuth(input, problems, naming) {
    const { ref, subject } = naming;
    const token = input('token');
    const given = CREDENTIALS.filter((name) => input(name));
    const oauthUrl = parseHttpsUrl('oauth-url', input('oauth-url') || DEFAULT_OAUTH_URL, problems, naming);
    const credentials = `${ref('account-id')}, ${ref('client-id')} and ${ref('client-secret')}`;
    if (token && given.length > 0) {
        problems.push(`${subject(['token', ...given])} were given together: pass either ${ref('token')}, or ${credentials} of a Server-to-Server OAuth app, not both.`);
        return undefined;
    }
    if (given.length > 0 && given.length < CREDENTIALS.length) {
        const missing = CREDENTIALS.filter((name) => !given.includes(name));
        problems.push(`${subject(missing)} ${missing.length > 1 ? 'are' : 'is'} missing: Server-to-Server OAuth needs ${credentials} together.`);
        return undefined;
    }
    if (given.length === CREDENTIALS.length) {
        const [accountId, clientId, clientSecret] = CREDENTIALS.map((name) => input(name));
        for (const [name, value] of [
            ['account-id', accountId],
            ['client-id', clientId],
            ['client-secret', clientSecret],
        ]) {
            if (/[^\x21-\x7e]/.test(value ?? '')) {
                problems.push(`${subject([name])} contains spaces, line breaks or other characters Zoom credentials never have: pass the value alone.`);
            }
        }
        if (!accountId || !clientId || !clientSecret || !oauthUrl)
            return undefined;
        return { kind: 'account', accountId, clientId, clientSecret, oauthUrl };
    }
    if (!token) {
        problems.push(`${subject(['token'])} is required, unless ${credentials} are given: ` +
            `pass a Zoom OAuth access token ${naming.tokenSource}.`);
        return undefined;
    }
    if (/[^\x21-\x7e]/.test(token)) {
        // Never quote the value: it is a secret.
        problems.push(`${subject(['token'])} contains spaces, line breaks or other characters an access token never has: ` +
            "pass the token alone, without 'Bearer ' or quotes.");
        return undefined;
    }
    return { kind: 'token', token };
}
/** An https URL (http for loopback hosts only, so secrets never travel in clear). */
function parseHttpsUrl(name, value, problems, naming) {
    const it = naming.subject([name]);
    const example = name === 'oauth-url'
        ? `${DEFAULT_OAUTH_URL} or https://zoomgov.com/oauth/token`
        : `${DEFAULT_BASE_URL} or https://api.zoomgov.com/v2`;
    const allowed = `use a URL such as ${example}.`;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        // Whatever stands before an @ may be a credential: never show it.
        const shown = value.replace(/\/\/[^/]*@/, '//***@');
        problems.push(`${it} is ${quote(shown)}, which is not a URL: ${allowed}`);
        return undefined;
    }
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    let problem;
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        problem = 'must use https (plain http is allowed for localhost only, so secrets are never sent in clear)';
    }
    else if (url.username || url.password) {
        problem = 'must not carry a user name or password';
    }
    else if (url.search || url.hash || value.includes('?') || value.includes('#')) {
        problem = 'must not have a query or fragment';
    }
    if (problem) {
        // A user name or password in the URL may be a secret: show the URL without them.
        const shown = url.username || url.password ? `${url.protocol}//${url.host}${url.pathname}` : value;
        problems.push(`${it} ${quote(shown)} ${problem}: ${allowed}`);
        return undefined;
    }
    return url.href.replace(/\/+$/, '');
}
// The YAML 1.2 core schema's booleans, as the Actions toolkit reads them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function parseBoolean(subject, value, fallback, problems) {
    if (value === '')
        return fallback;
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    problems.push(`${subject} is ${quote(value)}: use true or false.`);
    return fallback;
}
function parseSeconds(subject, value, fallback, problems) {
    if (value === '')
        return fallback * 1000;
    const seconds = /^\d{1,4}(\.\d{1,3})?$/.test(value) ? Number(value) : NaN;
    if (seconds > 0 && seconds <= MAX_TIMEOUT_S)
        return seconds * 1000;
    problems.push(`${subject} is ${quote(value)}: use a number of seconds above 0 and at most ${MAX_TIMEOUT_S}, such as ${fallback}.`);
    return fallback * 1000;
}
/** A value quoted on one line, cut short, so any input can be shown safely. */
function quote(value, max = 80) {
    const line = value
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
        .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
        // Lone surrogates would each escape to six characters.
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line);
}

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

;// CONCATENATED MODULE: ./src/zoom/reply.ts

/** A JSON object from a body; anything else gives an empty object. */
function parseJsonObject(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : {};
    }
    catch {
        return {};
    }
}
/** Decodes an error body; empty, HTML and broken JSON give an empty error. */
function decodeError(body) {
    const { code, message, errors } = parseJsonObject(body);
    const decoded = {};
    const number = typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code;
    if (typeof number === 'number' && Number.isSafeInteger(number))
        decoded.code = number;
    if (typeof message === 'string' && message.trim())
        decoded.message = message;
    if (Array.isArray(errors)) {
        decoded.errors = errors
            .filter((e) => typeof e === 'object' && e !== null)
            .map((e) => ({
            field: typeof e.field === 'string' ? e.field : undefined,
            message: typeof e.message === 'string' ? e.message : undefined,
        }));
    }
    return decoded;
}
const UPDATE_SCOPES = 'user:update:presence_status:admin (or user:write:admin; without :admin for a user-level app)';
/** Explains Zoom's reply to one update. Only 204 No Content is success. */
function explainReply(reply, subject) {
    const { httpStatus } = reply;
    const who = subject.user === 'me' ? "the token's own user" : subject.user;
    if (httpStatus === 204) {
        const until = subject.duration ? ` for ${subject.duration} minutes` : '';
        return { ok: true, httpStatus, message: `Set the presence of ${who} to ${subject.status}${until}.` };
    }
    const error = decodeError(reply.body);
    const { code } = error;
    const zoomSaid = error.message ? ` Zoom said: ${quote(error.message, 200)}` : '';
    const note = reply.note ? ` ${reply.note}` : '';
    const outcome = (message) => ({
        ok: false,
        httpStatus,
        zoomCode: code,
        message: `${message}${zoomSaid}${note}`,
    });
    const scopeError = [104, 4700, 4711].includes(code ?? 0) || /does not contain scopes/i.test(error.message ?? '');
    if (httpStatus === 401 && scopeError) {
        return outcome(`The token lacks the scope to update presence: give the Zoom app the scope ${UPDATE_SCOPES} and issue a new token.`);
    }
    if (httpStatus === 401 || code === 124) {
        if (/expired/i.test(error.message ?? '')) {
            return outcome('The access token has expired (Zoom tokens live one hour): issue a new token and update the secret, or mint one in the workflow.');
        }
        return outcome("Zoom rejected the access token as invalid: check that the 'token' secret holds a current Zoom OAuth access token for this account.");
    }
    const html = !error.message && /^\s*</.test(reply.body);
    if (html && httpStatus >= 400 && httpStatus < 500) {
        return outcome(`The server answered HTTP ${httpStatus} with an HTML page, not Zoom's API: check 'base-url' and any proxy between the runner and Zoom.`);
    }
    if (httpStatus === 404 || code === 1001) {
        return outcome(`Zoom has no user ${quote(subject.user)}: check the user ID or email, and that the user belongs to the app's account.`);
    }
    if (code === 5301) {
        return outcome(`Zoom could not update the presence of ${who}: most often the user is not signed in to a Zoom desktop or mobile client (presence cannot be set for web-only or signed-out users), or the client does not allow this change.`);
    }
    if (code === 5411) {
        return outcome(`The token may not update the presence of ${who}: the app needs the admin scope ${UPDATE_SCOPES}, and the user must belong to the app's account.`);
    }
    if (httpStatus === 429) {
        const daily = isDailyLimit(reply);
        return outcome(daily
            ? "Zoom's daily API limit for this account is used up: try again tomorrow, or spread updates over other accounts' apps."
            : `Zoom's rate limit was hit: a user's presence can be updated once a minute, so wait a minute before updating ${who} again.`);
    }
    if (code === 300 || (httpStatus === 400 && error.errors?.length)) {
        const fields = (error.errors ?? []).map((e) => [e.field, e.message].filter(Boolean).join(': ')).filter(Boolean);
        const detail = fields.length ? ` (${quote(fields.join('; '), 200)})` : '';
        return outcome(`Zoom rejected the request as invalid${detail}: check the status and duration inputs.`);
    }
    if (httpStatus >= 500) {
        return outcome(`Zoom had a server error (HTTP ${httpStatus}): the problem is on Zoom's side, so re-run the job later.`);
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        const location = header(reply, 'location');
        const to = location ? ` to ${quote(location, 120)}` : '';
        return outcome(`The server redirected the request${to} (HTTP ${httpStatus}), and the token is never sent on: set 'base-url' to the API's final address.`);
    }
    if (httpStatus >= 200 && httpStatus < 300) {
        const said = code !== undefined ? ` with error code ${code}` : '';
        return outcome(`Zoom answered HTTP ${httpStatus}${said} instead of 204 No Content, so the update is not confirmed: check the user's presence in Zoom.`);
    }
    const said = code !== undefined ? `, error code ${code}` : '';
    return outcome(`Zoom refused the update (HTTP ${httpStatus}${said}).`);
}
/** Explains a request that got no reply at all. */
function explainNetworkError(error, url) {
    const host = safeHost(url);
    const code = error?.code;
    const reason = code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `the host ${host} could not be found (DNS): check 'base-url' and the runner's network`
        : code === 'ECONNREFUSED'
            ? `${host} refused the connection: check 'base-url', and the proxy settings if the runner uses one`
            : code === 'ECONNRESET' || code === 'EPIPE'
                ? `the connection to ${host} was reset before Zoom answered`
                : code === 'ETIMEDOUT' || /timeout/i.test(String(error?.message))
                    ? `${host} did not answer in time`
                    : typeof code === 'string' && /CERT|SSL|TLS|VERIFY|SELF_SIGNED/.test(code)
                        ? `the TLS certificate of ${host} was not accepted (${code}): check 'base-url' and any TLS-inspecting proxy`
                        : `the request to ${host} failed (${typeof code === 'string' ? code : 'network error'})`;
    return { ok: false, message: `No reply from Zoom: ${reason}. Re-run the job once the server can be reached.` };
}
function safeHost(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'the server';
    }
}
function header(reply, name) {
    const value = reply.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** Zoom's daily limit, named by X-RateLimit-Type or in the message: not worth waiting for. */
function isDailyLimit(reply) {
    return /daily/i.test(header(reply, 'x-ratelimit-type') ?? '') || /daily/i.test(decodeError(reply.body).message ?? '');
}

;// CONCATENATED MODULE: ./src/zoom/oauth.ts


/** A token could not be had; the message says why and what to do. */
class TokenError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TokenError';
    }
}
/**
 * Mints an access token with Server-to-Server OAuth's account_credentials
 * grant. Zoom issues no refresh token: a new grant is the only renewal.
 */
async function mintToken(credentials, send) {
    const { accountId, clientId, clientSecret, oauthUrl } = credentials;
    let reply;
    try {
        reply = await send({
            method: 'POST',
            url: oauthUrl,
            headers: {
                Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
                'Content-Type': 'application/x-www-form-urlencoded',
                Accept: 'application/json',
            },
            body: new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString(),
        });
    }
    catch (error) {
        throw new TokenError(explainNetworkError(error, oauthUrl).message.replace('from Zoom', "from Zoom's OAuth server"));
    }
    const body = parseJsonObject(reply.body);
    const token = body.access_token;
    if (reply.httpStatus === 200 && typeof token === 'string' && /^[\x21-\x7e]+$/.test(token))
        return token;
    throw new TokenError(explainTokenFailure(reply.httpStatus, body));
}
/** One sentence for each way Zoom's token endpoint says no. */
function explainTokenFailure(httpStatus, body) {
    const code = Number(body.code);
    const error = typeof body.error === 'string' ? body.error : '';
    const said = [body.reason, body.message, body.error_description].find((v) => typeof v === 'string' && v.trim());
    const zoomSaid = typeof said === 'string' ? ` Zoom said: ${quote(said, 200)}` : '';
    const reason = `${error} ${String(said ?? '')}`;
    let message;
    if (code === 4717 || /disabled|deactivated/i.test(reason)) {
        message =
            'Zoom refused to issue a token because the Server-to-Server OAuth app is deactivated: activate it in the Zoom App Marketplace.';
    }
    else if (code === 4702 ||
        code === 4704 ||
        /invalid_client|client_id|client_secret|client/i.test(reason) ||
        httpStatus === 401) {
        message =
            "Zoom rejected the app's credentials: check that 'client-id' and 'client-secret' are those of a Server-to-Server OAuth app, copied in full.";
    }
    else if (code === 4705 || /grant/i.test(reason)) {
        message =
            'Zoom refused the account_credentials grant: the credentials must belong to a Server-to-Server OAuth app, not a user-level OAuth app.';
    }
    else if (code === 4706 || /account|missing|required|invalid_request/i.test(reason)) {
        message =
            "Zoom refused the token request as incomplete: check that 'account-id' is the app's Account ID from its App Credentials page.";
    }
    else if (httpStatus === 200) {
        message = "Zoom's token endpoint answered without an access token: check 'oauth-url'.";
    }
    else if (httpStatus >= 500) {
        message = `Zoom's token endpoint had a server error (HTTP ${httpStatus}): re-run the job later.`;
    }
    else {
        message = `Zoom's token endpoint refused to issue a token (HTTP ${httpStatus}${Number.isFinite(code) ? `, code ${code}` : ''}): check 'oauth-url' and the app's credentials.`;
    }
    return `${message}${zoomSaid}`;
}

;// CONCATENATED MODULE: ./src/zoom/request.ts

function presenceUrl(baseUrl, user) {
    return `${baseUrl}/users/${userPathSegment(user)}/presence_status`;
}
function presenceRequest(baseUrl, user, status, duration) {
    const fields = { status };
    if (status === 'Do_Not_Disturb' && duration !== undefined)
        fields.duration = duration;
    return { method: 'PUT', url: presenceUrl(baseUrl, user), fields };
}
/** The media type each body format is sent as. */
const MEDIA_TYPES = {
    multipart: 'multipart/form-data',
    json: 'application/json',
};
/** The fields as a multipart/form-data body (as Zoom's older spec sends them) or as JSON. */
async function encodeBody(fields, format) {
    if (format === 'json') {
        return { contentType: MEDIA_TYPES.json, body: JSON.stringify(fields) };
    }
    // Written out here, as RFC 7578 lays it out, rather than by the platform's
    // FormData and Response: those load Node's built-in fetch stack (undici, web
    // streams, http2), a quarter of the action's start-up time. The values are a
    // status name and a whole number: they need no escaping, and never contain
    // the boundary's '-'.
    const boundary = `zoom-presence-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
    const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`);
    return {
        contentType: `${MEDIA_TYPES.multipart}; boundary=${boundary}`,
        body: `${parts.join('')}--${boundary}--\r\n`,
    };
}

;// CONCATENATED MODULE: ./src/update.ts




/**
 * Requests to Zoom in flight at once. Zoom counts this endpoint in its
 * Medium class, per account across all apps: 2 a second on free accounts,
 * 20 on Pro, 60 on Business and up. No one number suits them all: four in
 * flight update 50 users at 100 ms a request in 13 rounds, under 2 s, and at
 * 200 ms a request send 20 a second, the Pro rate. Faster replies, a free
 * account, or other apps sharing the account's limit can still meet a 429;
 * that is retried, after Retry-After when Zoom gives one.
 */
const CONCURRENCY = 4;
function userLimiter() {
    return pLimit(CONCURRENCY);
}
/** Runs `task` for every user, a few at a time; results keep the users' order. */
function forEachUser(users, task) {
    const limit = userLimiter();
    return Promise.all(users.map((user) => limit(() => task(user))));
}
/**
 * Calls Zoom with the shared token. When Zoom calls a minted token invalid
 * (401, code 124), as a parallel run's grant makes it, renews it once.
 * Throws TokenError when no token can be had, and when no reply comes.
 */
async function withToken(zoom, user, call) {
    const token = await zoom.tokens.get();
    const reply = await call(token);
    if (reply.httpStatus !== 401 || decodeError(reply.body).code !== 124)
        return reply;
    const fresh = await zoom.tokens.renew(token);
    if (!fresh)
        return reply;
    zoom.log.info(`Zoom called the token invalid for ${user}; retrying once with a new token.`);
    return call(fresh);
}
/** Explains why a call got no reply from Zoom, or no token to make it with. */
function failureOf(error, url, log) {
    if (error instanceof TokenError)
        return { ok: false, message: error.message };
    log.debug(`No reply from ${url}: ${error?.message ?? String(error)}`);
    return explainNetworkError(error, url);
}
/** Sends one user's presence update and explains what Zoom made of it. */
async function updateUser(user, change, zoom) {
    const { status, duration, baseUrl, bodyFormat } = change;
    const request = presenceRequest(baseUrl, user, status, duration);
    const { contentType, body } = await encodeBody(request.fields, bodyFormat);
    let outcome;
    try {
        const reply = await withToken(zoom, user, (token) => {
            zoom.log.debug(`${request.method} ${request.url} (${contentType.split(';')[0]}) ${JSON.stringify(request.fields)}`);
            return zoom.send({
                method: request.method,
                url: request.url,
                headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, Accept: 'application/json' },
                body,
            });
        });
        zoom.log.debug(`Zoom answered HTTP ${reply.httpStatus} for ${user} ${reply.body.length > 0 ? `with ${reply.body.length} characters` : 'with no body'}`);
        outcome = explainReply(reply, { user, status, duration: request.fields.duration });
    }
    catch (error) {
        outcome = failureOf(error, request.url, zoom.log);
    }
    return resultOf(user, status, outcome);
}
function resultOf(user, status, outcome) {
    return {
        user,
        status,
        ok: outcome.ok,
        httpStatus: outcome.httpStatus ?? null,
        zoomCode: outcome.zoomCode ?? null,
        message: outcome.message,
    };
}

;// CONCATENATED MODULE: ./src/zoom/read.ts


// Reads name three statuses differently from writes; Offline cannot be set.
const READ_TO_WRITE = {
    In_A_Meeting: 'In_A_Zoom_Meeting',
    In_A_Call: 'On_A_Call',
    In_A_Calendar_Event: 'In_Calendar_Event',
    Do_No_Disturb: 'Do_Not_Disturb',
};
function settableStatus(read) {
    return READ_TO_WRITE[read] ?? STATUSES.find((s) => s === read);
}
const READ_SCOPES = 'user:read:presence_status:admin (or user:read:admin; without :admin for a user-level app)';
/** What Zoom's answer to a read says; a failure is explained as an Outcome. */
function presenceFrom(reply, user, now) {
    const body = parseJsonObject(reply.body);
    const read = typeof body.status === 'string' ? body.status : undefined;
    if (reply.httpStatus === 200 && read) {
        return { presence: { read, settable: settableStatus(read), endsAt: dndEnd(body, now) } };
    }
    const error = decodeError(reply.body);
    const scopeError = [104, 4700, 4711].includes(error.code ?? 0) || /does not contain scopes/i.test(error.message ?? '');
    if (reply.httpStatus === 401 && scopeError) {
        return {
            failure: {
                ok: false,
                httpStatus: reply.httpStatus,
                zoomCode: error.code,
                message: `The token lacks the scope to read presence, which restore needs: give the Zoom app the scope ${READ_SCOPES} and issue a new token. Nothing was changed.`,
            },
        };
    }
    const failure = explainReply(reply, { user, status: 'read' });
    if (reply.httpStatus === 200)
        failure.message = "Zoom's answer held no status, so it cannot be restored. Nothing was changed.";
    return { failure: { ...failure, ok: false } };
}
/**
 * When Do Not Disturb ends: from `end_time`, else from `remaining_time`.
 * Zoom does not document the unit of `remaining_time`; DND is set in
 * minutes, so it is read as minutes.
 */
function dndEnd(body, now) {
    const end = typeof body.end_time === 'string' ? Date.parse(body.end_time) : NaN;
    if (Number.isFinite(end))
        return end;
    const remaining = Number(body.remaining_time);
    return Number.isFinite(remaining) && remaining > 0 ? now + remaining * 60_000 : undefined;
}

;// CONCATENATED MODULE: ./src/restore.ts





/** Zoom accepts one update per user per minute. */
const RATE_WINDOW_MS = 60_000;
const systemClock = {
    now: Date.now,
    sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};
/** Reads one user's status before it is changed. */
async function readBefore(user, settings, zoom, now) {
    const url = presenceUrl(settings.baseUrl, user);
    try {
        const reply = await withToken(zoom, user, (token) => {
            zoom.log.debug(`GET ${url}`);
            return zoom.send({
                method: 'GET',
                url,
                headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
            });
        });
        return presenceFrom(reply, user, now);
    }
    catch (error) {
        return { failure: failureOf(error, url, zoom.log) };
    }
}
/**
 * How one saved user is put back: the change, or why not, and how long to
 * wait first; `note` is worth a warning.
 */
function restorePlan(saved, now) {
    const { status } = saved;
    if (!status) {
        return {
            skip: `Cannot restore the presence of ${saved.user}: Zoom read it as ${saved.read}, which cannot be set; skipped.`,
        };
    }
    const waitMs = Math.max(0, saved.updatedAt + RATE_WINDOW_MS - now);
    if (status !== 'Do_Not_Disturb')
        return { change: { status }, waitMs };
    if (saved.endsAt === undefined) {
        // Zoom tells the end of Do Not Disturb only to the token's own user.
        return {
            change: { status },
            waitMs,
            note: `Zoom did not say when Do Not Disturb of ${saved.user} was to end, so it is restored for Zoom's default of 20 minutes.`,
        };
    }
    // Do Not Disturb goes back for the minutes it had left when the update lands.
    const minutes = Math.ceil((saved.endsAt - (now + waitMs)) / 60_000);
    if (minutes < 1) {
        return { skip: `Did not restore Do Not Disturb for ${saved.user}: it would have ended by now.` };
    }
    return { change: { status, duration: Math.min(minutes, MAX_DURATION) }, waitMs };
}
/**
 * Puts every saved user back, each after its minute since the main step's
 * update has passed (and no longer), so none meets Zoom's rate limit.
 */
async function restoreAll(saved, settings, zoom, clock) {
    const now = clock.now();
    const plans = saved.map((entry) => ({ entry, plan: restorePlan(entry, now) }));
    // The token is got while the users wait, so their restores land on the minute.
    if (plans.some(({ plan }) => 'change' in plan))
        zoom.tokens.get().catch(() => undefined);
    const limit = userLimiter();
    const results = await Promise.all(plans.map(async ({ entry, plan }) => {
        if ('skip' in plan) {
            zoom.log.warning(plan.skip);
            return undefined;
        }
        if (plan.note)
            zoom.log.warning(plan.note);
        if (plan.waitMs > 0) {
            zoom.log.info(`Waiting ${(plan.waitMs / 1000).toFixed(1)} s before restoring ${entry.user}: Zoom accepts one update per user per minute.`);
            await clock.sleep(plan.waitMs);
        }
        // A slot is taken only after the wait, so a user still waiting holds up no other.
        const { status, duration } = plan.change;
        // Only the plan's duration: the main step's belongs to the status it set.
        return limit(() => updateUser(entry.user, { ...settings, status, duration }, zoom));
    }));
    return results.filter((r) => r !== undefined);
}
/** The saved users from the state, ignoring anything malformed. */
function parseSaved(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return [];
    }
    if (!Array.isArray(value))
        return [];
    return value.flatMap((item) => {
        const { user, read, status, endsAt, updatedAt } = (item ?? {});
        if (typeof user !== 'string' || typeof read !== 'string' || typeof updatedAt !== 'number')
            return [];
        const settable = STATUSES.find((s) => s === status);
        return [{ user, read, status: settable, endsAt: typeof endsAt === 'number' ? endsAt : undefined, updatedAt }];
    });
}

;// CONCATENATED MODULE: ./src/tokens.ts

/**
 * Tokens from the inputs: the given one as it is, or one minted from the
 * account credentials, renewed at most once per step.
 */
function tokensFor(auth, send, onToken) {
    if (auth.kind === 'token') {
        return { get: async () => auth.token, renew: async () => undefined };
    }
    const mint = async () => {
        const token = await mintToken(auth, send);
        onToken(token);
        return token;
    };
    let current;
    let renewed = false;
    return {
        get: () => (current ??= mint()),
        async renew(stale) {
            const token = await current;
            // Another user's update may have renewed it already.
            if (token !== stale)
                return token;
            if (renewed)
                return undefined;
            renewed = true;
            current = mint();
            return current;
        },
    };
}

;// CONCATENATED MODULE: ./src/zoom/retry.ts

const MAX_WAIT_MS = 86_400_000;
const RETRYABLE_NETWORK = [
    'ECONNRESET',
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EPIPE',
    'ECONNABORTED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'TIMEOUT',
];
/**
 * Milliseconds Zoom asks to wait: Retry-After as seconds, or as an HTTP or
 * ISO date. Undefined when absent or unreadable.
 */
function retryAfterMs(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    // A day stands for any longer wait: either way it is beyond any budget.
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.min(MAX_WAIT_MS, Math.ceil(Number(text) * 1000));
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.min(MAX_WAIT_MS, Math.max(0, at - now));
}
/** Whether an error means no reply came and a retry may get one. */
function isRetryableNetworkError(error) {
    const code = error?.code;
    if (typeof code === 'string' && RETRYABLE_NETWORK.includes(code))
        return true;
    return /timeout/i.test(String(error?.message));
}
/** Exponential backoff with "equal jitter": half fixed, half random. */
function backoffMs(attempt, baseMs, maxMs, random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
/**
 * Decides on a retry after `attempt` attempts. 429 and 5xx replies and
 * network errors are retried; other replies never are.
 */
function nextStep(attempt, outcome, policy, remainingMs) {
    let delayMs;
    let reason;
    let asked = false;
    if ('error' in outcome) {
        if (!isRetryableNetworkError(outcome.error))
            return { retry: false };
        const code = outcome.error?.code;
        reason = `no reply (${typeof code === 'string' ? code : 'timeout'})`;
        delayMs = backoffMs(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random);
    }
    else if (outcome.reply.httpStatus === 429) {
        if (isDailyLimit(outcome.reply))
            return { retry: false };
        const requested = retryAfterMs(header(outcome.reply, 'retry-after'), policy.now());
        asked = requested !== undefined;
        reason = 'Zoom answered 429 Too Many Requests';
        delayMs = requested ?? backoffMs(attempt, policy.rateLimitDelayMs, policy.maxDelayMs, policy.random);
    }
    else if (outcome.reply.httpStatus >= 500) {
        reason = `Zoom answered HTTP ${outcome.reply.httpStatus}`;
        delayMs = backoffMs(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random);
    }
    else {
        return { retry: false };
    }
    // A retry needs time to wait and then time for at least a short request.
    if (delayMs + Math.min(1000, policy.requestTimeoutMs) > remainingMs) {
        const left = seconds(Math.max(0, remainingMs));
        return {
            retry: false,
            note: asked
                ? `Zoom asked to wait ${seconds(delayMs)} (Retry-After), more than the ${left} left of the step's timeout, so the action did not wait.`
                : `Not retried: only ${left} of the step's timeout was left.`,
        };
    }
    return { retry: true, delayMs, reason };
}
/**
 * Wraps a transport so that each request is retried as `nextStep` decides,
 * within one time budget shared by every request it sends.
 */
function retrying(send, options, log) {
    const policy = {
        baseDelayMs: 1000,
        rateLimitDelayMs: 2000,
        maxDelayMs: 60_000,
        random: Math.random,
        now: Date.now,
        ...options,
    };
    const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
    const deadline = policy.now() + policy.budgetMs;
    return async (request) => {
        for (let attempt = 1;; attempt++) {
            const remainingMs = deadline - policy.now();
            const timeoutMs = Math.max(1, Math.min(policy.requestTimeoutMs, remainingMs));
            let outcome;
            try {
                outcome = { reply: await send({ ...request, timeoutMs }) };
            }
            catch (error) {
                outcome = { error };
            }
            const next = nextStep(attempt, outcome, policy, deadline - policy.now());
            if (!next.retry) {
                if ('error' in outcome)
                    throw outcome.error;
                return next.note ? { ...outcome.reply, note: next.note } : outcome.reply;
            }
            log.info(`${next.reason}; retrying in ${seconds(next.delayMs)} (attempt ${attempt + 1}).`);
            await sleep(next.delayMs);
        }
    };
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 3 modules
var lib = __nccwpck_require__(336);
;// CONCATENATED MODULE: ./src/zoom/transport.ts

/** Enough of Zoom's error body to explain it; the rest is dropped unread. */
const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const USER_AGENT = 'zoom-presence';
/**
 * HTTP through the Actions toolkit's client, which honours the runner's
 * https_proxy and no_proxy. Redirects are not followed, so the token never
 * goes anywhere but base-url.
 */
function httpTransport() {
    return async ({ method, url, headers, body, timeoutMs = DEFAULT_TIMEOUT_MS }) => {
        // The client's own timeout only notices a silent socket; the deadline
        // also ends a server that answers a byte at a time.
        const client = new lib/* HttpClient */.Qq(USER_AGENT, [], {
            allowRedirects: false,
            allowRetries: false,
            socketTimeout: timeoutMs,
        });
        let message;
        let timer;
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => {
                message?.destroy();
                reject(Object.assign(new Error(`Request timeout after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
            }, timeoutMs);
        });
        const exchange = (async () => {
            const response = await client.request(method, url, body ?? null, headers);
            message = response.message;
            return {
                httpStatus: message.statusCode ?? 0,
                headers: message.headers,
                body: await readCapped(message, MAX_BODY_BYTES),
            };
        })();
        exchange.catch(() => undefined);
        try {
            return await Promise.race([exchange, deadline]);
        }
        finally {
            clearTimeout(timer);
        }
    };
}
/** Reads at most `limit` bytes of a body, then stops the download. */
function readCapped(stream, limit) {
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
        stream.on('data', (chunk) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= limit)
                stream.destroy();
        });
        stream.on('end', done);
        stream.on('close', done);
    });
}

;// CONCATENATED MODULE: ./src/presence.ts






/** The connection to Zoom every request of one step shares: transport, time budget and token. */
function connect(settings, log, onSecret, extraMs = 0) {
    const budgetMs = settings.timeoutMs + extraMs;
    const send = retrying(httpTransport(), { budgetMs, requestTimeoutMs: settings.requestTimeoutMs }, log);
    if (settings.auth.kind === 'account')
        log.info('Getting an access token with the Server-to-Server OAuth credentials…');
    return { send, tokens: tokensFor(settings.auth, send, onSecret), log };
}
/**
 * The whole job for any front end: with restore, read each status first;
 * then update every user within the time budget and explain each outcome.
 * `onSecret` hears of every secret made on the way, before it is used.
 */
async function setPresence(settings, log, onSecret, { clock = systemClock, onSaved } = {}) {
    log.info(`Setting the presence of ${settings.users.join(', ')} to ${settings.status}…`);
    if (settings.dryRun)
        return { results: dryRun(settings, log), saved: [] };
    const zoom = connect(settings, log, onSecret);
    const saved = [];
    const results = await forEachUser(settings.users, async (user) => {
        if (!settings.restore)
            return updateUser(user, settings, zoom);
        const before = await readBefore(user, settings, zoom, clock.now());
        // No status to go back to: change nothing for this user.
        if ('failure' in before)
            return { ...resultOf(user, settings.status, before.failure), unread: true };
        const { read, settable, endsAt } = before.presence;
        const result = await updateUser(user, settings, zoom);
        if (result.ok) {
            saved.push({ user, read, status: settable, endsAt, updatedAt: clock.now() });
            onSaved?.([...saved]);
        }
        return { ...result, previousStatus: settable ?? read };
    });
    return { results, saved };
}
/** Logs exactly what would be sent, and sends nothing: no token, no read, no update. */
function dryRun(settings, log) {
    return settings.users.map((user) => {
        const request = presenceRequest(settings.baseUrl, user, settings.status, settings.duration);
        const fields = Object.entries(request.fields)
            .map(([name, value]) => `${name}=${value}`)
            .join(', ');
        if (settings.restore)
            log.info(`Dry run: would first read GET ${request.url}, to restore it after the job`);
        log.info(`Dry run: would send ${request.method} ${request.url} as ${MEDIA_TYPES[settings.bodyFormat]} with ${fields}`);
        return resultOf(user, settings.status, {
            ok: true,
            message: `Dry run: would set the presence of ${user} to ${settings.status}${request.fields.duration ? ` for ${request.fields.duration} minutes` : ''}; nothing was sent.`,
        });
    });
}

;// CONCATENATED MODULE: ./src/report.ts
/** The action's outputs for a finished run; every name is part of the public interface. */
function outputsFor(results, status, message) {
    // With several users, the first failure is the one worth reading.
    const first = results.find((r) => !r.ok) ?? results[0];
    return {
        status,
        'http-status': first?.httpStatus != null ? String(first.httpStatus) : '',
        'zoom-code': first?.zoomCode != null ? String(first.zoomCode) : '',
        message,
        results: JSON.stringify(results.map(publicResult)),
        'previous-status': results[0]?.previousStatus ?? '',
    };
}
/** A result as the `results` output lists it. */
function publicResult({ unread: _, ...result }) {
    return result;
}
/** The one-line result for the `message` output and the log. */
function overallMessage(results, dryRun = false) {
    const failed = results.filter((r) => !r.ok);
    if (results.length === 1 && results[0])
        return results[0].message;
    if (dryRun)
        return `Dry run: would set the presence of ${results.length} users to ${results[0]?.status}; nothing was sent.`;
    if (failed.length === 0)
        return `Updated the presence of ${results.length} users.`;
    const names = (some) => some.map((r) => r.user).join(', ');
    // A user whose status could not be read was never sent an update.
    const unread = failed.filter((r) => r.unread);
    const updateFailed = failed.filter((r) => !r.unread);
    const counts = [
        ...(unread.length > 0
            ? [`${unread.length} of ${results.length} users could not be read, so were not changed (${names(unread)})`]
            : []),
        ...(updateFailed.length > 0
            ? [`${updateFailed.length} of ${results.length - unread.length} updates failed (${names(updateFailed)})`]
            : []),
        `${results.length - failed.length} succeeded`,
    ];
    const reasons = new Set(failed.map((r) => r.message));
    // One cause for all, such as a bad token, is said once.
    const why = reasons.size === 1 ? [...reasons][0] : failed.map((r) => `${r.user}: ${r.message}`).join(' ');
    return `${counts.join('; ')}. ${why}`;
}
/** The job summary's table: one row per user, HTML-escaped. */
function summaryRows(results, dryRun = false) {
    const header = ['User', 'Status', 'Result', 'Explanation'].map((data) => ({ data, header: true }));
    const rows = results.map((r) => [
        escapeHtml(r.user),
        escapeHtml(r.status),
        dryRun
            ? '🔍 dry run, not sent'
            : r.ok
                ? '✅ updated'
                : `❌ failed${r.httpStatus != null ? ` (HTTP ${r.httpStatus})` : ''}`,
        r.ok ? '—' : escapeHtml(r.message),
    ]);
    return [header, ...rows];
}
function escapeHtml(text) {
    return text.replace(/[&<>"'|]/g, (c) => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/log.ts
/** Replaces every known secret in a text with ***. */
function redactor(secrets) {
    return (text) => secrets.reduce((t, s) => (s ? t.split(s).join('***') : t), text);
}

;// CONCATENATED MODULE: ./src/action/log.ts


/**
 * Logs through the toolkit with every known secret blanked out, so even a
 * secret the runner failed to mask, or one quoted back by a server, never
 * reaches the log.
 */
function actionLog() {
    const secrets = [];
    const redact = redactor(secrets);
    return {
        addSecret(secret) {
            if (!secret || secrets.includes(secret))
                return;
            core/* setSecret */.Pq(secret);
            secrets.push(secret);
        },
        redact,
        info: (m) => core/* info */.pq(redact(m)),
        debug: (m) => core/* debug */.Yz(redact(m)),
        warning: (m) => core/* warning */.$e(redact(m)),
    };
}

;// CONCATENATED MODULE: ./src/action/main.ts







/** Inputs that hold secrets, masked before anything else can print them. */
const SECRET_INPUTS = ['token', 'client-secret'];
/** State the main step leaves for the post step. */
const SAVED_STATE = 'restore';
const MAIN = { title: 'Zoom presence', setsOutputs: true };
// No later step can read a post step's outputs: it reports in the log and summary only.
const POST = { title: 'Zoom presence restored', setsOutputs: false };
/** The main step: read the inputs, update the presence, report. */
async function run() {
    const log = secretAwareLog();
    await guarded(log, MAIN, async () => {
        const settings = readSettings(log, true);
        // Saved after each confirmed update, the last value winning: a step
        // cancelled or failing halfway still has its post step restore those.
        const onSaved = (saved) => {
            core/* saveState */.LZ(SAVED_STATE, JSON.stringify(saved));
            log.debug(`Saved the status of ${saved.map((s) => s.user).join(', ')} for the post step to restore.`);
        };
        // A dry run's lines are its result: they stay unfolded.
        const phase = settings.dryRun
            ? undefined
            : settings.restore
                ? 'Reading the current status, then updating it'
                : 'Updating the presence';
        const { results } = await folded(phase, () => setPresence(settings, log, log.addSecret, { onSaved }));
        report(results, settings, log, MAIN);
    });
}
/** The post step: put back what the main step saved, if it saved anything. */
async function post() {
    const saved = parseSaved(core/* getState */.Gu(SAVED_STATE));
    if (saved.length === 0)
        return;
    const log = secretAwareLog();
    await guarded(log, POST, async () => {
        // The main step has shown the inputs' warnings already.
        const settings = readSettings(log, false);
        const results = await folded(`Restoring the presence of ${saved.map((s) => s.user).join(', ')}`, () => {
            // The wait for Zoom's per-user minute comes on top of the step's timeout.
            const zoom = connect(settings, log, log.addSecret, RATE_WINDOW_MS);
            return restoreAll(saved, settings, zoom, systemClock);
        });
        if (results.length > 0)
            report(results, settings, log, POST);
    });
}
/** Folds a phase's lines in the log under its title; the outcome is reported after, unfolded. */
function folded(title, phase) {
    return title === undefined ? phase() : core/* group */.Os(title, phase);
}
function secretAwareLog() {
    const log = actionLog();
    for (const name of SECRET_INPUTS)
        log.addSecret(core/* getInput */.V4(name));
    return log;
}
function readSettings(log, warn) {
    const { settings, warnings } = parseInputs((name) => core/* getInput */.V4(name));
    if (warn)
        for (const warning of warnings)
            log.warning(warning);
    return settings;
}
/** Runs a step; any failure ends in one clear error and outputs, never a stack trace. */
async function guarded(log, reporting, step) {
    try {
        await step();
    }
    catch (error) {
        const message = log.redact(error instanceof InputError
            ? error.message
            : `The action failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
        if (reporting.setsOutputs)
            setOutputs(outputsFor([], '', message.replace(/\n/g, ' ')), log.redact);
        core/* setFailed */.C1(message);
    }
}
/** Outputs, summary and the step's verdict. */
function report(results, settings, log, reporting) {
    const message = log.redact(overallMessage(results, settings.dryRun));
    if (reporting.setsOutputs)
        setOutputs(outputsFor(results, settings.status, message), log.redact);
    writeSummary(reporting.title, summaryRows(results, settings.dryRun), log.redact);
    for (const result of results)
        if (result.ok)
            log.info(result.message);
    if (results.every((r) => r.ok)) {
        if (results.length > 1)
            log.info(message);
    }
    else if (settings.failOnError) {
        core/* setFailed */.C1(message);
    }
    else {
        log.warning(`${message} (fail-on-error is false, so the step passes)`);
    }
}
function setOutputs(outputs, redact) {
    for (const [name, value] of Object.entries(outputs))
        core/* setOutput */.uH(name, redact(value));
}
function writeSummary(title, rows, redact) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    const shown = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? redact(cell) : cell)));
    // The toolkit builds the table; it is appended here at once, as the toolkit
    // appends outputs. core.summary.write() goes through fs.promises, whose first
    // call starts libuv's thread pool: some 3 ms, a twentieth of a run.
    (0,external_node_fs_namespaceObject.appendFileSync)(file, core/* summary */.z.addHeading(title, 3).addTable(shown).stringify());
    core/* summary */.z.emptyBuffer();
}


/***/ }),

/***/ 407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(705);
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(949);


// One bundle serves both steps: the main step leaves a mark in its state,
// and the post step, which receives that state, sees it.
if (_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu('isPost')) {
    await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_1__/* .post */ .b)();
}
else {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ('isPost', 'true');
    await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  Os: () => (/* binding */ group),
  pq: () => (/* binding */ info),
  LZ: () => (/* binding */ saveState),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, error, exportVariable, getBooleanInput, getIDToken, getMultilineInput, isDebug, markdownSummary, notice, platform, setCommandEcho, startGroup, toPlatformPath, toPosixPath, toWin32Path

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 3 modules
var lib = __nccwpck_require__(336);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 336:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient)
});

// UNUSED EXPORTS: Headers, HttpClientError, HttpClientResponse, HttpCodes, MediaTypes, getProxyUrl, isHttps

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
;// CONCATENATED MODULE: ./src/stubs/tunnel.ts
let tunnel;
const load = () => (tunnel ??= __nccwpck_require__(218));
const httpOverHttp = (options) => load().httpOverHttp(options);
const httpsOverHttp = (options) => load().httpsOverHttp(options);
const httpOverHttps = (options) => load().httpOverHttps(options);
const httpsOverHttps = (options) => load().httpsOverHttps(options);

;// CONCATENATED MODULE: ./src/stubs/undici.ts
/**
 * Stands in for the `undici` package in the bundle: tsconfig.json's `paths`
 * sends `import ... from 'undici'` here, and ncc follows `paths`.
 *
 * @actions/http-client imports undici for one thing, the ProxyAgent that
 * `HttpClient.getAgentDispatcher()` builds for callers of `fetch()`. Neither
 * this action nor @actions/core calls that method: every request goes through
 * `HttpClient.request()`, whose proxy support (https_proxy, no_proxy) is
 * node:http with the `tunnel` package, and is bundled as it is. Bundling
 * undici for the unreachable method made up 900 KiB of a 1.1 MB bundle, and
 * its loading most of the action's start-up time.
 *
 * Should a later change call `getAgentDispatcher()`, it fails here, loudly.
 */
class ProxyAgent {
    constructor() {
        throw new Error("zoom-presence's bundle leaves out undici: HttpClient.getAgentDispatcher() is not available (see src/stubs/undici.ts)");
    }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? httpsOverHttps : httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? httpOverHttps : httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
