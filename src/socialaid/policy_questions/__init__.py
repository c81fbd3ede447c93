"""The policy Q&A knowledge base (政策问答知识库, 004 二): the questions and answers of a tenant's
effective catalogue, searched in Chinese."""
