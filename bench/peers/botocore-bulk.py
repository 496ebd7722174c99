"""A peer for the bench: what a user writes with botocore alone to abort every in-progress
multipart upload of a bucket. ListMultipartUploads through botocore's paginator (key and
upload-id markers), AbortMultipartUpload on a pool of T threads sharing one client (botocore
clients are thread-safe) while the listing goes on, then one line of JSON:
{"listed":N,"aborted":N,"failed":N}. Exit 1 when any abort failed.

    python3 bench/peers/botocore-bulk.py <endpoint> <bucket> <threads>

Every setting is explicit: region, endpoint, path-style addressing, the bench's fake keys (read
from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and passed to the client), a connection pool as
large as the thread pool, three attempts.
"""

import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import botocore.session
from botocore.config import Config


def main():
    if len(sys.argv) != 4 or not sys.argv[3].isdigit() or not 1 <= int(sys.argv[3]) <= 256:
        sys.stderr.write("usage: botocore-bulk.py <endpoint> <bucket> <threads 1-256>\n")
        return 2
    endpoint, bucket, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    client = botocore.session.get_session().create_client(
        "s3",
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", ""),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
        config=Config(
            max_pool_connections=threads,
            retries={"max_attempts": 3, "mode": "standard"},
            s3={"addressing_style": "path"},
        ),
    )

    def abort(upload):
        client.abort_multipart_upload(Bucket=bucket, Key=upload["Key"], UploadId=upload["UploadId"])

    listed = aborted = failed = 0
    first_error = None
    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = []
        # MaxItems bounds the loop: at most 100 million uploads
        pages = client.get_paginator("list_multipart_uploads").paginate(
            Bucket=bucket, PaginationConfig={"MaxItems": 100_000_000}
        )
        for page in pages:
            for upload in page.get("Uploads", []):
                listed += 1
                futures.append(pool.submit(abort, upload))
        for f in futures:
            e = f.exception()
            if e is None:
                aborted += 1
            else:
                failed += 1
                first_error = first_error or e
    if first_error is not None:
        sys.stderr.write(f"first failure: {first_error!r}\n")
    sys.stdout.write(json.dumps({"listed": listed, "aborted": aborted, "failed": failed}) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
